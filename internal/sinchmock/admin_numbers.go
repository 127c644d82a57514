package sinchmock

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strings"
)

// adminVoiceAndNumbersUsage is the part of the admin API's usage about Voice applications and active
// numbers.
const adminVoiceAndNumbersUsage = `
Voice applications and active numbers, as in the dashboard:

GET    /voice/apps/{key}                               a Voice application's callback URLs
PUT    /voice/apps/{key}/urls                          set them (the body is {"primary": "...", "fallback": "..."})
GET    /projects/{project}/activeNumbers               the numbers a project has rented, as the API answers them
GET    /projects/{project}/activeNumbers/{number}      one of them ({number} is E.164: +12025550100 or %2B12025550100)
PATCH  /projects/{project}/activeNumbers/{number}      change it at once, with no provisioning (the body holds the
                                                       fields to change, in the API's field names)
POST   /projects/{project}/activeNumbers/{number}/fail-next-provisioning
                                                       the provisionings its next update starts fail (the body: error
                                                       codes such as CAMPAIGN_NOT_AVAILABLE, by commas; none is
                                                       INTERNAL_ERROR)

For example:

  curl -X PUT --data '{"primary": "https://dashboard.example/ice"}' "$SINCH_MOCK_ADMIN_URL/voice/apps/$SINCH_APPLICATION_KEY/urls"
  curl -X PATCH --data '{"smsConfiguration": {"servicePlanId": "dashboard-plan"}}' "$SINCH_MOCK_ADMIN_URL/projects/demo-project/activeNumbers/+12025550100"
  curl --data 'INSUFFICIENT_BALANCE' "$SINCH_MOCK_ADMIN_URL/projects/demo-project/activeNumbers/+12025550100/fail-next-provisioning"
`

// adminVoiceAndNumbers serves the admin API's calls of adminVoiceAndNumbersUsage.
func (s *Server) adminVoiceAndNumbers(mux *http.ServeMux) {
	mux.HandleFunc("GET /voice/apps/{key}", func(w http.ResponseWriter, r *http.Request) {
		urls, ok := s.VoiceURLs(r.PathValue("key"))
		if !ok {
			http.Error(w, fmt.Sprintf("no Voice application %q", r.PathValue("key")), http.StatusNotFound)
			return
		}
		writeJSON(w, http.StatusOK, map[string]VoiceURLs{"url": urls})
	})
	mux.HandleFunc("PUT /voice/apps/{key}/urls", func(w http.ResponseWriter, r *http.Request) {
		var urls VoiceURLs
		if err := json.NewDecoder(io.LimitReader(r.Body, 1<<16)).Decode(&urls); err != nil {
			http.Error(w, `the body must be {"primary": "...", "fallback": "..."}: `+err.Error(), http.StatusBadRequest)
			return
		}
		if !s.SetVoiceURLs(r.PathValue("key"), urls) {
			http.Error(w, fmt.Sprintf("no Voice application %q", r.PathValue("key")), http.StatusNotFound)
			return
		}
		w.WriteHeader(http.StatusNoContent)
	})
	mux.HandleFunc("GET /projects/{project}/activeNumbers", func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, http.StatusOK, map[string]any{"activeNumbers": s.ActiveNumbers(r.PathValue("project"))})
	})
	mux.HandleFunc("GET /projects/{project}/activeNumbers/{number}", func(w http.ResponseWriter, r *http.Request) {
		number, ok := s.ActiveNumber(r.PathValue("project"), r.PathValue("number"))
		if !ok {
			notRented(w, r)
			return
		}
		writeJSON(w, http.StatusOK, number)
	})
	mux.HandleFunc("PATCH /projects/{project}/activeNumbers/{number}", func(w http.ResponseWriter, r *http.Request) {
		body, err := io.ReadAll(io.LimitReader(r.Body, 1<<16))
		if err == nil {
			// The same decoding on a scratch number first, so that the change itself cannot fail half way.
			err = json.Unmarshal(body, &ActiveNumber{})
		}
		if err != nil {
			http.Error(w, "the body must be an active number's fields, in the API's field names: "+err.Error(), http.StatusBadRequest)
			return
		}
		if !s.ChangeActiveNumber(r.PathValue("project"), r.PathValue("number"), func(n *ActiveNumber) { _ = json.Unmarshal(body, n) }) {
			notRented(w, r)
			return
		}
		number, _ := s.ActiveNumber(r.PathValue("project"), r.PathValue("number"))
		writeJSON(w, http.StatusOK, number)
	})
	mux.HandleFunc("POST /projects/{project}/activeNumbers/{number}/fail-next-provisioning", func(w http.ResponseWriter, r *http.Request) {
		body, err := io.ReadAll(io.LimitReader(r.Body, 1<<16))
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		var codes []string
		for code := range strings.SplitSeq(string(body), ",") {
			if code = strings.TrimSpace(code); code != "" {
				codes = append(codes, code)
			}
		}
		if !s.FailNextProvisioning(r.PathValue("project"), r.PathValue("number"), codes...) {
			notRented(w, r)
			return
		}
		w.WriteHeader(http.StatusNoContent)
	})
}

func notRented(w http.ResponseWriter, r *http.Request) {
	http.Error(w, fmt.Sprintf("project %q has not rented %q", r.PathValue("project"), r.PathValue("number")), http.StatusNotFound)
}
