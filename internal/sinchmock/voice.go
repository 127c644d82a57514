package sinchmock

import (
	"crypto/rand"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"mime"
	"net/http"
	"net/url"
)

// Voice is the Voice API (https://callingapi.sinch.com), whose applications' callback URLs the mock serves
// on a listener of its own: GET and POST /v1/configuration/callbacks/applications/{applicationkey}. Its
// requests are signed with the application's secret, not authorized with an OAuth2 token.
const Voice API = "voice"

// VoiceCallbacksPath is where an application's callback URLs are, in the Voice API.
const VoiceCallbacksPath = "/v1/configuration/callbacks/applications/"

// VoiceApp is a Voice API application, as made in Sinch's dashboard.
type VoiceApp struct {
	// Secret is the application secret, base64 as the dashboard shows it (its decoded bytes sign).
	Secret string
	// URLs are the callback URLs it starts with.
	URLs VoiceURLs
}

// VoiceURLs are where Sinch sends a Voice application's call events, in the API's field names; ""
// is a URL not set.
type VoiceURLs struct {
	Primary string `json:"primary,omitempty"`
	// Fallback is used only when Primary times out or answers an error.
	Fallback string `json:"fallback,omitempty"`
}

// voiceApp is a VoiceApp as the mock holds it, with its secret decoded.
type voiceApp struct {
	key  []byte
	urls VoiceURLs
}

// AddVoiceApp makes a Voice application exist, as the dashboard would, or replaces it. Its secret must
// be base64, as Sinch's are.
func (s *Server) AddVoiceApp(applicationKey string, app VoiceApp) {
	key, err := base64.StdEncoding.DecodeString(app.Secret)
	if err != nil || len(key) == 0 {
		panic(fmt.Sprintf("sinchmock: the secret of Voice application %q must be base64, as Sinch's are", applicationKey))
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.voiceApps == nil {
		s.voiceApps = map[string]*voiceApp{}
	}
	s.voiceApps[applicationKey] = &voiceApp{key: key, urls: app.URLs}
}

// RemoveVoiceApp deletes a Voice application, as the dashboard would: its key is then unknown to the Voice
// API (40004), and its URLs are gone. It tells whether the application existed.
func (s *Server) RemoveVoiceApp(applicationKey string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	_, ok := s.voiceApps[applicationKey]
	delete(s.voiceApps, applicationKey)
	return ok
}

// VoiceURLs returns a Voice application's callback URLs, and whether it exists.
func (s *Server) VoiceURLs(applicationKey string) (VoiceURLs, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	app, ok := s.voiceApps[applicationKey]
	if !ok {
		return VoiceURLs{}, false
	}
	return app.urls, true
}

// SetVoiceURLs sets a Voice application's callback URLs as in the dashboard, and tells whether it exists.
func (s *Server) SetVoiceURLs(applicationKey string, urls VoiceURLs) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	app, ok := s.voiceApps[applicationKey]
	if ok {
		app.urls = urls
	}
	return ok
}

// voiceHandler serves the Voice API's callback URLs.
func (s *Server) voiceHandler(mux *http.ServeMux) {
	mux.HandleFunc("GET "+VoiceCallbacksPath+"{applicationkey}", s.signed(s.getVoiceURLs))
	mux.HandleFunc("POST "+VoiceCallbacksPath+"{applicationkey}", s.signed(s.updateVoiceURLs))
}

// signed lets through requests signed by the application of their path.
func (s *Server) signed(next func(http.ResponseWriter, *http.Request, []byte)) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		body := []byte(requestBody(r))
		key, refused := s.verifySignature(r, body)
		switch {
		case refused != nil:
			writeVoiceError(w, refused.code, refused.errorCode, refused.message)
		case key != r.PathValue("applicationkey"):
			// Each application reaches only its own URLs: its key and secret are all a request has.
			writeVoiceError(w, http.StatusForbidden, 40300, fmt.Sprintf("Forbidden: application %s may not reach the callback URLs of application %s.",
				key, r.PathValue("applicationkey")))
		default:
			next(w, r, body)
		}
	}
}

func (s *Server) getVoiceURLs(w http.ResponseWriter, r *http.Request, _ []byte) {
	urls, _ := s.VoiceURLs(r.PathValue("applicationkey"))
	writeJSON(w, http.StatusOK, map[string]VoiceURLs{"url": urls})
}

// updateVoiceURLs sets both URLs from the body. A body without fallback clears it, as a POST of the
// whole "url" object reads, unless Options.VoiceKeepOmittedFallback keeps it: Sinch does not document
// which. "fallback": "" (or null) clears it either way.
func (s *Server) updateVoiceURLs(w http.ResponseWriter, r *http.Request, body []byte) {
	if mediaType, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type")); mediaType != "application/json" {
		writeVoiceError(w, http.StatusUnsupportedMediaType, 41500, "Unsupported media type: the body must be application/json.")
		return
	}
	var request struct {
		URL *struct {
			Primary  *string `json:"primary"`
			Fallback *string `json:"fallback"`
		} `json:"url"`
	}
	if err := json.Unmarshal(body, &request); err != nil {
		writeVoiceError(w, http.StatusBadRequest, 40001, "Invalid parameters: the body must be a JSON object {\"url\": {\"primary\": ..., \"fallback\": ...}}.")
		return
	}
	switch {
	case request.URL == nil:
		writeVoiceError(w, http.StatusBadRequest, 40002, "Bad request: url is missing.")
		return
	case request.URL.Primary == nil || *request.URL.Primary == "":
		writeVoiceError(w, http.StatusBadRequest, 40002, "Bad request: url.primary is missing.")
		return
	case !absoluteHTTP(*request.URL.Primary):
		writeVoiceError(w, http.StatusBadRequest, 40001, "Invalid parameters: url.primary must be an absolute http or https URL.")
		return
	case request.URL.Fallback != nil && *request.URL.Fallback != "" && !absoluteHTTP(*request.URL.Fallback):
		writeVoiceError(w, http.StatusBadRequest, 40001, "Invalid parameters: url.fallback must be an absolute http or https URL.")
		return
	}
	s.mu.Lock()
	app := s.voiceApps[r.PathValue("applicationkey")]
	app.urls.Primary = *request.URL.Primary
	switch {
	case request.URL.Fallback != nil:
		app.urls.Fallback = *request.URL.Fallback
	case !s.opts.VoiceKeepOmittedFallback:
		app.urls.Fallback = ""
	}
	s.mu.Unlock()
	// 2xx with an empty body, as Sinch answers: a client must not read the URLs back from it.
	w.WriteHeader(http.StatusOK)
}

// absoluteHTTP tells whether text is an absolute http or https URL with a host.
func absoluteHTTP(text string) bool {
	u, err := url.Parse(text)
	return err == nil && u.IsAbs() && u.Host != "" && (u.Scheme == "https" || u.Scheme == "http")
}

// writeVoiceError answers with the Voice API's error body, which is not Sinch's RestError.
func writeVoiceError(w http.ResponseWriter, code, errorCode int, message string) {
	status := map[int]string{40001: "ParameterValidation", 40002: "MissingParameter"}[errorCode]
	if status == "" {
		status = http.StatusText(code)
	}
	writeJSON(w, code, map[string]any{
		"status": fmt.Sprintf("%d %s", code, status), "errorCode": errorCode, "message": message, "reference": newReference(),
	})
}

// newReference is an error's reference for Sinch's support, a random UUID as Sinch's are.
func newReference() string {
	b := make([]byte, 16)
	_, _ = rand.Read(b)
	b[6], b[8] = b[6]&0x0f|0x40, b[8]&0x3f|0x80
	return fmt.Sprintf("%x-%x-%x-%x-%x", b[0:4], b[4:6], b[6:8], b[8:10], b[10:])
}

// requestIsSigned tells whether a Voice API request was signed as the API checks it, by the application
// whose URLs it reaches, for the record.
func (s *Server) requestIsSigned(r *http.Request, body []byte) bool {
	key, refused := s.verifySignature(r, body)
	return refused == nil && r.URL.Path == VoiceCallbacksPath+key
}
