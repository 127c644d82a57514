package sinchmock

import (
	"crypto/subtle"
	"encoding/json"
	"fmt"
	"io"
	"mime"
	"net/http"
	"strings"
	"time"
)

// serveToken is OAuth2's client-credentials grant with the access key in HTTP Basic, as auth.sinch.com
// does it.
func (s *Server) serveToken(w http.ResponseWriter, r *http.Request) {
	keyID, keySecret, ok := r.BasicAuth()
	if !ok || !equal(keyID, s.opts.KeyID) || !equal(keySecret, s.opts.KeySecret) {
		w.Header().Set("WWW-Authenticate", `Basic realm="sinch"`)
		writeJSON(w, http.StatusUnauthorized, map[string]string{"error": "invalid_client"})
		return
	}
	if err := r.ParseForm(); err != nil || r.PostForm.Get("grant_type") != "client_credentials" {
		writeJSON(w, http.StatusBadRequest, map[string]string{"error": "unsupported_grant_type"})
		return
	}
	token := newToken()
	s.mu.Lock()
	s.tokens[token] = time.Now().Add(s.opts.TokenTTL)
	s.mu.Unlock()
	writeJSON(w, http.StatusOK, map[string]any{
		"access_token": token,
		"token_type":   "Bearer",
		"expires_in":   int(s.opts.TokenTTL.Seconds()),
		"scope":        "read write",
	})
}

// authenticated lets through requests with a known, unexpired bearer token, and hands them to next
// with their API.
func (s *Server) authenticated(api API, next func(API, http.ResponseWriter, *http.Request)) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		token, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
		s.mu.Lock()
		expiry, known := s.tokens[token]
		s.mu.Unlock()
		switch {
		case !ok || !known:
			w.Header().Set("WWW-Authenticate", `Bearer error="invalid_token", error_description="The access token is invalid"`)
			writeErrorOf(api, w, http.StatusUnauthorized, "UNAUTHENTICATED", "Request had invalid authentication credentials.")
		case time.Now().After(expiry):
			w.Header().Set("WWW-Authenticate", `Bearer error="invalid_token", error_description="The access token expired"`)
			writeErrorOf(api, w, http.StatusUnauthorized, "UNAUTHENTICATED", "The access token expired.")
		default:
			next(api, w, r)
		}
	}
}

func (s *Server) getCallbackConfiguration(api API, w http.ResponseWriter, r *http.Request) {
	projectID := r.PathValue("projectId")
	secret, ok := s.Secret(api, projectID)
	if !ok {
		writeProjectNotFound(w, projectID)
		return
	}
	if secret == "" {
		// No secret set: the answer leaves hmacSecret out, as the spec allows (no field is required).
		writeJSON(w, http.StatusOK, map[string]string{"projectId": projectID})
		return
	}
	writeJSON(w, http.StatusOK, map[string]string{"hmacSecret": secret, "projectId": projectID})
}

// updateCallbackConfiguration is the API's PUT or PATCH, which take the same body.
func (s *Server) updateCallbackConfiguration(api API, w http.ResponseWriter, r *http.Request) {
	// The spec's request body is application/json; a server framework refuses any other before the
	// handler sees it.
	if mediaType, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type")); mediaType != "application/json" {
		writeError(w, http.StatusUnsupportedMediaType, "INVALID_ARGUMENT", "Content-Type must be application/json.")
		return
	}
	projectID := r.PathValue("projectId")
	if _, ok := s.Secret(api, projectID); !ok {
		writeProjectNotFound(w, projectID)
		return
	}
	secret, violation := parseUpdateBody(r.Body)
	if violation != "" {
		writeError(w, http.StatusBadRequest, "INVALID_ARGUMENT", "Project validation error",
			detail{"type": "BadRequest", "fieldViolations": []map[string]string{{"field": "hmacSecret", "description": violation}}})
		return
	}
	s.SetSecret(api, projectID, secret)
	writeJSON(w, http.StatusOK, map[string]string{"hmacSecret": secret, "projectId": projectID})
}

// parseUpdateBody returns the secret of a CallbackConfigurationUpdateBody, or what is wrong with it.
func parseUpdateBody(body io.Reader) (secret, violation string) {
	var fields map[string]json.RawMessage
	if err := json.NewDecoder(io.LimitReader(body, 1<<20)).Decode(&fields); err != nil || fields == nil {
		return "", "The request body must be a JSON object."
	}
	raw, ok := fields["hmacSecret"]
	if !ok {
		return "", "hmacSecret is required."
	}
	if err := json.Unmarshal(raw, &secret); err != nil || string(raw) == "null" {
		return "", "hmacSecret must be a string."
	}
	if secret == "" {
		return "", "hmacSecret must not be empty."
	}
	return secret, ""
}

type detail map[string]any

func writeProjectNotFound(w http.ResponseWriter, projectID string) {
	writeError(w, http.StatusNotFound, "NOT_FOUND", fmt.Sprintf("Project %s not found", projectID),
		detail{"type": "ResourceInfo", "resourceType": "Project", "resourceName": projectID,
			"description": "The project id introduced does not exist."})
}

// writeError answers with Sinch's RestError body.
func writeError(w http.ResponseWriter, code int, status, message string, details ...detail) {
	if details == nil {
		details = []detail{}
	}
	writeJSON(w, code, map[string]any{"error": map[string]any{
		"code": code, "message": message, "status": status, "details": details,
	}})
}

func writeJSON(w http.ResponseWriter, code int, body any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(code)
	_ = json.NewEncoder(w).Encode(body)
}

func equal(a, b string) bool { return subtle.ConstantTimeCompare([]byte(a), []byte(b)) == 1 }
