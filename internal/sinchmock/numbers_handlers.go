package sinchmock

import (
	"encoding/base64"
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"strings"
)

// DefaultActiveNumbersPageSize is the page size of a list of active numbers that asks for none, unless
// Options.ActiveNumbersPageSize says otherwise (Sinch documents none); MaxActiveNumbersPageSize is the
// largest page a list answers, whatever it asks for.
const (
	DefaultActiveNumbersPageSize = 100
	MaxActiveNumbersPageSize     = 1000
)

// activeNumbersHandler serves the Numbers API's active numbers, beside its callback configuration (the
// same host at Sinch), with OAuth2 as every call of that API. Renting and releasing are served only to
// be recorded (Rented, Released) and refused.
func (s *Server) activeNumbersHandler(mux *http.ServeMux) {
	const project = "/v1/projects/{projectId}"
	mux.HandleFunc("GET "+project+"/activeNumbers", s.authenticated(Numbers, s.listActiveNumbers))
	mux.HandleFunc("GET "+project+"/activeNumbers/{phoneNumber}", s.authenticated(Numbers, s.getActiveNumber))
	mux.HandleFunc("PATCH "+project+"/activeNumbers/{phoneNumber}", s.authenticated(Numbers, s.updateActiveNumber))
	mux.HandleFunc("POST "+project+"/activeNumbers/{phoneNumber}", s.authenticated(Numbers, s.refuseNumberOrder))
	mux.HandleFunc("POST "+project+"/availableNumbers/{phoneNumber}", s.authenticated(Numbers, s.refuseNumberOrder))
	mux.HandleFunc("POST "+project+"/availableNumbers:rentAny", s.authenticated(Numbers, s.refuseNumberOrder))
}

func (s *Server) getActiveNumber(_ API, w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if n := s.activeNumberOf(w, r); n != nil {
		writeJSON(w, http.StatusOK, n.view(s.now(), s.opts.NumberProvisioningTime))
	}
}

// activeNumberOf returns the number of the request's path, or answers Sinch's error and returns nil:
// 404 for a project that does not exist or a number it has not rented, 400 for a number that is not
// E.164. The path's number may be escaped (%2B) or not (+): both are the number.
func (s *Server) activeNumberOf(w http.ResponseWriter, r *http.Request) *activeNumber {
	projectID, phoneNumber := r.PathValue("projectId"), r.PathValue("phoneNumber")
	if _, ok := s.projects[projectID]; !ok {
		writeProjectNotFound(w, projectID)
		return nil
	}
	if !e164.MatchString(phoneNumber) {
		writeViolation(w, "phoneNumber", fmt.Sprintf("%q is not a phone number in E.164 format, such as +12025550100.", phoneNumber))
		return nil
	}
	n := s.activeNumbers[projectID][phoneNumber]
	if n == nil {
		writeError(w, http.StatusNotFound, "NOT_FOUND", fmt.Sprintf("Number %s not found in project %s", phoneNumber, projectID),
			detail{"type": "ResourceInfo", "resourceType": "ActiveNumber", "resourceName": phoneNumber,
				"description": "The project has not rented this number."})
	}
	return n
}

// listActiveNumbers answers a page of a project's numbers, with the filters, order and paging of the
// query: numbers ordered by phoneNumber (or orderBy), totalSize counting every number that matches, and
// nextPageToken "" on the last page.
func (s *Server) listActiveNumbers(_ API, w http.ResponseWriter, r *http.Request) {
	query := r.URL.Query()
	match, ok := numberFilter(w, query)
	if !ok {
		return
	}
	pageSize := s.opts.ActiveNumbersPageSize
	if pageSize == 0 {
		pageSize = DefaultActiveNumbersPageSize
	}
	if text := query.Get("pageSize"); text != "" {
		n, err := strconv.Atoi(text)
		if err != nil || n < 0 {
			writeViolation(w, "pageSize", "pageSize must be a positive integer.")
			return
		}
		if n > 0 {
			pageSize = n
		}
	}
	pageSize = min(pageSize, MaxActiveNumbersPageSize)
	offset := 0
	if token := query.Get("pageToken"); token != "" {
		decoded, decodeErr := base64.RawURLEncoding.DecodeString(token)
		text, isToken := strings.CutPrefix(string(decoded), "offset:")
		var err error
		if offset, err = strconv.Atoi(text); decodeErr != nil || err != nil || !isToken || offset < 0 {
			writeViolation(w, "pageToken", "pageToken is not one this list answered.")
			return
		}
	}
	byDisplayName, ok := numberOrder(w, query.Get("orderBy"))
	if !ok {
		return
	}

	projectID := r.PathValue("projectId")
	s.mu.Lock()
	if _, ok := s.projects[projectID]; !ok {
		s.mu.Unlock()
		writeProjectNotFound(w, projectID)
		return
	}
	matching := []ActiveNumber{}
	for _, n := range s.activeNumbers[projectID] {
		if number := n.view(s.now(), s.opts.NumberProvisioningTime); match(number) {
			matching = append(matching, number)
		}
	}
	s.mu.Unlock()
	slices.SortFunc(matching, func(a, b ActiveNumber) int {
		if byDisplayName && a.DisplayName != b.DisplayName {
			return strings.Compare(a.DisplayName, b.DisplayName)
		}
		return strings.Compare(a.PhoneNumber, b.PhoneNumber)
	})
	page := matching[min(offset, len(matching)):min(offset+pageSize, len(matching))]
	next := ""
	if offset+pageSize < len(matching) {
		next = base64.RawURLEncoding.EncodeToString([]byte("offset:" + strconv.Itoa(offset+pageSize)))
	}
	writeJSON(w, http.StatusOK, map[string]any{"activeNumbers": page, "nextPageToken": next, "totalSize": len(matching)})
}

// numberFilter is the filter of a list's query (regionCode, type, capability, numberPattern.pattern
// with numberPattern.searchPattern), or answers 400 and returns false. A number matches when it has
// every capability named (the parameter repeated, or its values joined by commas).
func numberFilter(w http.ResponseWriter, query map[string][]string) (func(ActiveNumber) bool, bool) {
	get := func(name string) string {
		if values := query[name]; len(values) > 0 {
			return values[0]
		}
		return ""
	}
	region, numberType, pattern := get("regionCode"), get("type"), get("numberPattern.pattern")
	if numberType != "" && !slices.Contains([]string{"MOBILE", "LOCAL", "TOLL_FREE"}, numberType) {
		writeViolation(w, "type", "type must be MOBILE, LOCAL or TOLL_FREE.")
		return nil, false
	}
	var capabilities []string
	for _, value := range query["capability"] {
		for c := range strings.SplitSeq(value, ",") {
			if c = strings.TrimSpace(c); c != "SMS" && c != "VOICE" {
				writeViolation(w, "capability", "capability must be SMS or VOICE.")
				return nil, false
			}
			capabilities = append(capabilities, c)
		}
	}
	contains := map[string]func(string, string) bool{"": strings.HasPrefix, "START": strings.HasPrefix,
		"CONTAINS": strings.Contains, "END": strings.HasSuffix}[get("numberPattern.searchPattern")]
	if contains == nil {
		writeViolation(w, "numberPattern.searchPattern", "numberPattern.searchPattern must be START, CONTAINS or END.")
		return nil, false
	}
	return func(n ActiveNumber) bool {
		for _, c := range capabilities {
			if !slices.Contains(n.Capability, c) {
				return false
			}
		}
		return (region == "" || strings.EqualFold(n.RegionCode, region)) && (numberType == "" || n.Type == numberType) &&
			(pattern == "" || contains(n.PhoneNumber, pattern) || contains(strings.TrimPrefix(n.PhoneNumber, "+"), pattern))
	}, true
}

// numberOrder reads orderBy: phoneNumber (the default) or displayName, in the API's field names or as
// the SDKs' enums (PHONE_NUMBER, DISPLAY_NAME).
func numberOrder(w http.ResponseWriter, orderBy string) (byDisplayName, ok bool) {
	switch orderBy {
	case "", "phoneNumber", "PHONE_NUMBER":
		return false, true
	case "displayName", "DISPLAY_NAME":
		return true, true
	}
	writeViolation(w, "orderBy", "orderBy must be phoneNumber or displayName.")
	return false, false
}

// refuseNumberOrder answers a request to rent or release a number with 403: both are billable and
// irreversible at Sinch (a released number may be gone for good), and nothing that manages callbacks
// may make them. The request is recorded all the same (Rented, Released).
func (s *Server) refuseNumberOrder(_ API, w http.ResponseWriter, r *http.Request) {
	path := r.URL.Path
	if !strings.HasSuffix(path, ":rent") && !strings.HasSuffix(path, ":release") && !strings.HasSuffix(path, ":rentAny") {
		writeError(w, http.StatusNotFound, "NOT_FOUND", "No such method: "+path)
		return
	}
	writeError(w, http.StatusForbidden, "PERMISSION_DENIED",
		"The mock never rents or releases a number: both are billable and irreversible at Sinch.",
		detail{"type": "ResourceInfo", "resourceType": "ActiveNumber", "resourceName": r.PathValue("phoneNumber"),
			"description": "Renting and releasing numbers is not allowed here."})
}
