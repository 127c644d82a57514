package sinchmock

import (
	crand "crypto/rand"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"slices"
	"strings"
)

// Conversation is the Conversation API of the region "us", whose webhooks the mock serves on a listener of
// its own: POST /v1/projects/{project_id}/webhooks, GET, PATCH (with update_mask) and DELETE
// /v1/projects/{project_id}/webhooks/{webhook_id}, and GET /v1/projects/{project_id}/apps/{app_id}/webhooks.
// ConversationEU and ConversationBR are the same API at the other regions' hosts. An app lives in one
// region (Options.AppRegions), and another region's host answers 404 for it and its webhooks, as Sinch's
// hosts do.
const (
	Conversation   API = "conversation"
	ConversationEU API = "conversation-eu"
	ConversationBR API = "conversation-br"
)

// ConversationRegions are the Conversation API of each region, by the region's name.
var ConversationRegions = map[string]API{"us": Conversation, "eu": ConversationEU, "br": ConversationBR}

// regionOf is the region whose host serves an API of ConversationRegions.
func regionOf(api API) string {
	for region, a := range ConversationRegions {
		if a == api {
			return region
		}
	}
	return ""
}

// MaxWebhooksPerApp is how many webhooks an app may have; Sinch refuses one more.
const MaxWebhooksPerApp = 5

// maxTargetLength is the longest target Sinch accepts.
const maxTargetLength = 742

// Triggers are the webhook triggers the mock accepts: those seen in Sinch's SDKs. Sinch refuses others,
// and UNSPECIFIED_TRIGGER.
var Triggers = []string{
	"MESSAGE_DELIVERY", "MESSAGE_SUBMIT", "MESSAGE_INBOUND", "EVENT_DELIVERY", "EVENT_INBOUND",
	"SMART_CONVERSATIONS", "MESSAGE_INBOUND_SMART_CONVERSATION_REDACTION", "CONVERSATION_START",
	"CONVERSATION_STOP", "CONVERSATION_DELETE", "CONTACT_CREATE", "CONTACT_DELETE", "CONTACT_MERGE",
	"CONTACT_UPDATE", "CONTACT_IDENTITIES_DUPLICATION", "UNSUPPORTED", "OPT_IN", "OPT_OUT", "CHANNEL_EVENT",
	"CAPABILITY", "RECORD_NOTIFICATION",
}

// Webhook is a webhook as the mock holds it; its JSON (in the admin API) has the API's field names.
type Webhook struct {
	ID         string   `json:"id"`
	ProjectID  string   `json:"project_id"`
	AppID      string   `json:"app_id"`
	Target     string   `json:"target"`
	TargetType string   `json:"target_type"`
	Triggers   []string `json:"triggers"`
	// Secret is "" when the webhook has none.
	Secret            string             `json:"secret"`
	ClientCredentials *ClientCredentials `json:"client_credentials,omitempty"`
}

// ClientCredentials are a webhook's OAuth2 client credentials.
type ClientCredentials struct {
	ClientID         string `json:"client_id"`
	ClientSecret     string `json:"client_secret"`
	Endpoint         string `json:"endpoint"`
	Scope            string `json:"scope,omitempty"`
	ResponseType     string `json:"response_type,omitempty"`
	TokenRequestType string `json:"token_request_type,omitempty"`
}

// AddWebhook makes a webhook as someone in the dashboard would (its app must exist), and returns its ID.
func (s *Server) AddWebhook(projectID string, hook Webhook) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	hook.ID, hook.ProjectID = newWebhookID(), projectID
	if hook.TargetType == "" {
		hook.TargetType = "HTTP"
	}
	s.webhooks[hook.ID] = &hook
	s.webhookOrder = append(s.webhookOrder, hook.ID)
	return hook.ID
}

// Webhook returns a webhook, as a change outside Terraform would see it, and whether it exists.
func (s *Server) Webhook(id string) (Webhook, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	hook, ok := s.webhooks[id]
	if !ok {
		return Webhook{}, false
	}
	return hook.clone(), true
}

// Webhooks returns the webhooks of an app, oldest first.
func (s *Server) Webhooks(appID string) []Webhook {
	s.mu.Lock()
	defer s.mu.Unlock()
	var hooks []Webhook
	for _, id := range s.webhookOrder {
		if hook, ok := s.webhooks[id]; ok && hook.AppID == appID {
			hooks = append(hooks, hook.clone())
		}
	}
	return hooks
}

// ChangeWebhook changes a webhook as someone in the dashboard would, and tells whether it exists.
func (s *Server) ChangeWebhook(id string, change func(*Webhook)) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	hook, ok := s.webhooks[id]
	if ok {
		change(hook)
	}
	return ok
}

// DeleteWebhook deletes a webhook as someone in the dashboard would.
func (s *Server) DeleteWebhook(id string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.webhooks, id)
}

func (w *Webhook) clone() Webhook {
	c := *w
	c.Triggers = slices.Clone(w.Triggers)
	if w.ClientCredentials != nil {
		credentials := *w.ClientCredentials
		c.ClientCredentials = &credentials
	}
	return c
}

// webhooksHandler serves the Conversation API's webhooks at the host of one region (api).
func (s *Server) webhooksHandler(mux *http.ServeMux, api API) {
	const project = "/v1/projects/{project_id}"
	mux.HandleFunc("POST "+project+"/webhooks", s.authenticated(api, s.createWebhook))
	mux.HandleFunc("GET "+project+"/webhooks/{webhook_id}", s.authenticated(api, s.getWebhook))
	mux.HandleFunc("PATCH "+project+"/webhooks/{webhook_id}", s.authenticated(api, s.updateWebhook))
	mux.HandleFunc("DELETE "+project+"/webhooks/{webhook_id}", s.authenticated(api, s.deleteWebhook))
	mux.HandleFunc("GET "+project+"/apps/{app_id}/webhooks", s.authenticated(api, s.listWebhooks))
}

func (s *Server) createWebhook(api API, w http.ResponseWriter, r *http.Request) {
	projectID := r.PathValue("project_id")
	fields, ok := jsonBody(w, r)
	if !ok {
		return
	}
	hook := &Webhook{ProjectID: projectID, TargetType: "HTTP"}
	if !setWebhookFields(w, hook, fields, []string{"app_id", "target", "target_type", "triggers", "secret", "client_credentials"}) {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.appOf(w, api, projectID, hook.AppID) == nil || !validWebhook(w, hook) {
		return
	}
	count := 0
	for _, other := range s.webhooks {
		if other.AppID == hook.AppID {
			count++
		}
	}
	if count >= MaxWebhooksPerApp {
		writeError(w, http.StatusBadRequest, "INVALID_ARGUMENT",
			fmt.Sprintf("App %s has reached the limit of %d webhooks.", hook.AppID, MaxWebhooksPerApp),
			detail{"type": "BadRequest", "fieldViolations": []map[string]string{{"field": "app_id", "description": "Too many webhooks."}}})
		return
	}
	hook.ID = newWebhookID()
	s.webhooks[hook.ID] = hook
	s.webhookOrder = append(s.webhookOrder, hook.ID)
	writeJSON(w, http.StatusOK, s.webhookJSON(hook))
}

func (s *Server) getWebhook(api API, w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if hook := s.webhookOf(w, api, r); hook != nil {
		writeJSON(w, http.StatusOK, s.webhookJSON(hook))
	}
}

// updateWebhook sets the fields that update_mask names (one parameter, the names joined by commas, as
// Sinch's SDKs send it; a field named but absent from the body is cleared) and keeps the others.
func (s *Server) updateWebhook(api API, w http.ResponseWriter, r *http.Request) {
	fields, ok := jsonBody(w, r)
	if !ok {
		return
	}
	mask := updateMask(r, "update_mask")
	if _, ok := fields["target"]; !ok {
		writeViolation(w, "target", "target is required.")
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	hook := s.webhookOf(w, api, r)
	if hook == nil {
		return
	}
	changed := hook.clone()
	for _, name := range mask {
		if !slices.Contains([]string{"target", "target_type", "triggers", "secret", "client_credentials"}, name) {
			writeViolation(w, "update_mask", fmt.Sprintf("%s cannot be updated.", name))
			return
		}
		if _, ok := fields[name]; !ok {
			// Named but absent: cleared.
			fields[name] = json.RawMessage("null")
		}
	}
	if !setWebhookFields(w, &changed, fields, mask) || !validWebhook(w, &changed) {
		return
	}
	*hook = changed
	writeJSON(w, http.StatusOK, s.webhookJSON(hook))
}

func (s *Server) deleteWebhook(api API, w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if hook := s.webhookOf(w, api, r); hook != nil {
		delete(s.webhooks, hook.ID)
		writeJSON(w, http.StatusOK, map[string]any{})
	}
}

func (s *Server) listWebhooks(api API, w http.ResponseWriter, r *http.Request) {
	projectID, appID := r.PathValue("project_id"), r.PathValue("app_id")
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.appOf(w, api, projectID, appID) == nil {
		return
	}
	hooks := []map[string]any{}
	for _, id := range s.webhookOrder {
		if hook, ok := s.webhooks[id]; ok && hook.AppID == appID {
			hooks = append(hooks, s.webhookJSON(hook))
		}
	}
	writeJSON(w, http.StatusOK, map[string]any{"webhooks": hooks})
}

// webhookOf returns the webhook of the request's path, or answers Sinch's 404 and returns nil: also for
// a webhook of an app of another region than the host's (api).
func (s *Server) webhookOf(w http.ResponseWriter, api API, r *http.Request) *Webhook {
	id := r.PathValue("webhook_id")
	hook, ok := s.webhooks[id]
	if !ok || hook.ProjectID != r.PathValue("project_id") || s.appRegion(hook.AppID) != regionOf(api) {
		writeError(w, http.StatusNotFound, "NOT_FOUND", fmt.Sprintf("Webhook %s not found", id),
			detail{"type": "ResourceInfo", "resourceType": "Webhook", "resourceName": id, "description": "The webhook does not exist."})
		return nil
	}
	return hook
}

// webhookJSON is a webhook as the API answers it; without its secrets when the server hides them.
func (s *Server) webhookJSON(hook *Webhook) map[string]any {
	answer := map[string]any{"id": hook.ID, "app_id": hook.AppID, "target": hook.Target, "target_type": hook.TargetType,
		"triggers": hook.Triggers}
	if !s.opts.HideWebhookSecrets {
		answer["secret"] = hook.Secret
	}
	if c := hook.ClientCredentials; c != nil {
		credentials := map[string]string{"client_id": c.ClientID, "endpoint": c.Endpoint, "scope": c.Scope,
			"response_type": c.ResponseType, "token_request_type": c.TokenRequestType}
		if !s.opts.HideWebhookSecrets {
			credentials["client_secret"] = c.ClientSecret
		}
		answer["client_credentials"] = credentials
	}
	return answer
}

// jsonBody reads a request's JSON object, or answers 400 and returns false.
func jsonBody(w http.ResponseWriter, r *http.Request) (map[string]json.RawMessage, bool) {
	var fields map[string]json.RawMessage
	if err := json.NewDecoder(io.LimitReader(r.Body, 1<<20)).Decode(&fields); err != nil || fields == nil {
		writeViolation(w, "body", "The request body must be a JSON object.")
		return nil, false
	}
	return fields, true
}

// setWebhookFields sets the named fields of hook from a request's body, or answers 400 and returns false.
func setWebhookFields(w http.ResponseWriter, hook *Webhook, fields map[string]json.RawMessage, names []string) bool {
	for _, name := range names {
		raw, ok := fields[name]
		if !ok {
			continue
		}
		null := string(raw) == "null"
		var err error
		switch name {
		case "app_id":
			err = json.Unmarshal(raw, &hook.AppID)
		case "target":
			err = json.Unmarshal(raw, &hook.Target)
		case "target_type":
			hook.TargetType = "HTTP"
			if !null {
				err = json.Unmarshal(raw, &hook.TargetType)
			}
		case "triggers":
			hook.Triggers = nil
			err = json.Unmarshal(raw, &hook.Triggers)
		case "secret":
			hook.Secret = ""
			if !null {
				err = json.Unmarshal(raw, &hook.Secret)
			}
		case "client_credentials":
			hook.ClientCredentials = nil
			if !null {
				var c struct {
					ClientID         string `json:"client_id"`
					ClientSecret     string `json:"client_secret"`
					Endpoint         string `json:"endpoint"`
					Scope            string `json:"scope"`
					ResponseType     string `json:"response_type"`
					TokenRequestType string `json:"token_request_type"`
				}
				if err = json.Unmarshal(raw, &c); err == nil {
					hook.ClientCredentials = &ClientCredentials{ClientID: c.ClientID, ClientSecret: c.ClientSecret, Endpoint: c.Endpoint,
						Scope: c.Scope, ResponseType: c.ResponseType, TokenRequestType: c.TokenRequestType}
				}
			}
		}
		if err != nil {
			writeViolation(w, name, fmt.Sprintf("%s has the wrong type.", name))
			return false
		}
	}
	return true
}

// validWebhook checks a webhook as Sinch would, or answers 400 and returns false.
func validWebhook(w http.ResponseWriter, hook *Webhook) bool {
	target, err := url.Parse(hook.Target)
	switch {
	case hook.Target == "":
		writeViolation(w, "target", "target is required.")
	case len(hook.Target) > maxTargetLength:
		writeViolation(w, "target", fmt.Sprintf("target must be at most %d characters.", maxTargetLength))
	case err != nil || !target.IsAbs() || target.Host == "" || target.Scheme != "https" && target.Scheme != "http":
		writeViolation(w, "target", "target must be an http or https URL.")
	case strings.HasPrefix(strings.ToLower(target.Hostname()), "conversation-api.") && strings.HasSuffix(strings.ToLower(target.Hostname()), ".sinch.com"):
		writeViolation(w, "target", "target must not be a Conversation API host.")
	case hook.TargetType != "HTTP" && hook.TargetType != "DISMISS":
		writeViolation(w, "target_type", "target_type must be HTTP or DISMISS.")
	case len(hook.Triggers) == 0:
		writeViolation(w, "triggers", "At least one trigger is required.")
	default:
		for _, trigger := range hook.Triggers {
			if !slices.Contains(Triggers, trigger) {
				writeViolation(w, "triggers", fmt.Sprintf("Unknown trigger %s.", trigger))
				return false
			}
		}
		if c := hook.ClientCredentials; c != nil {
			switch {
			case c.ClientID == "" || c.ClientSecret == "" || c.Endpoint == "":
				writeViolation(w, "client_credentials", "client_id, client_secret and endpoint are required.")
				return false
			case c.TokenRequestType != "" && c.TokenRequestType != "BASIC" && c.TokenRequestType != "FORM":
				writeViolation(w, "client_credentials.token_request_type", "token_request_type must be BASIC or FORM.")
				return false
			}
		}
		return true
	}
	return false
}

func writeViolation(w http.ResponseWriter, field, description string) {
	writeError(w, http.StatusBadRequest, "INVALID_ARGUMENT", "Invalid argument",
		detail{"type": "BadRequest", "fieldViolations": []map[string]string{{"field": field, "description": description}}})
}

// newWebhookID makes an ID in the form Sinch's take: 26 characters of Crockford's base32, as a ULID.
func newWebhookID() string {
	const alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
	b := make([]byte, 24)
	_, _ = crand.Read(b)
	id := []byte("01")
	for _, c := range b {
		id = append(id, alphabet[int(c)%len(alphabet)])
	}
	return string(id)
}
