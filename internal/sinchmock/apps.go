package sinchmock

import (
	"encoding/json"
	"fmt"
	"net/http"
	"slices"
)

// App is a Conversation API app as the mock holds it, its callback secret included; its JSON (in the
// admin API) has the API's field names. The mock serves GET and PATCH
// /v1/projects/{project_id}/apps/{app_id} at the host of the app's region.
type App struct {
	ID string `json:"id"`
	// ProjectID is the project the app belongs to; the API does not answer it.
	ProjectID          string              `json:"-"`
	DisplayName        string              `json:"display_name"`
	ChannelCredentials []ChannelCredential `json:"channel_credentials"`
	CallbackSettings   CallbackSettings    `json:"callback_settings"`
}

// ChannelCredential is a channel an app sends on, with the credentials Sinch holds for it (fake ones,
// there for a test to check that a change of the callback settings leaves them alone).
type ChannelCredential struct {
	Channel      string        `json:"channel"`
	StaticBearer *StaticBearer `json:"static_bearer,omitempty"`
}

// StaticBearer is a channel's identity and token, as the SMS channel's are.
type StaticBearer struct {
	ClaimedIdentity string `json:"claimed_identity"`
	Token           string `json:"token"`
}

// CallbackSettings are an app's callback settings: the secret that signs the delivery receipts of the
// messages sent with a callback_url of their own, instead of a webhook's secret. "" is no secret set.
type CallbackSettings struct {
	SecretForOverriddenCallbackURLs string `json:"secret_for_overridden_callback_urls"`
}

// appFields are the fields of an app that the mock knows, which an update_mask may name.
var appFields = []string{"display_name", "channel_credentials", "callback_settings"}

// newApp is an app as the dashboard makes it: a display name and an SMS channel, no callback secret.
func newApp(id, projectID string) *App {
	return &App{ID: id, ProjectID: projectID, DisplayName: "App " + id, ChannelCredentials: []ChannelCredential{{
		Channel: "SMS", StaticBearer: &StaticBearer{ClaimedIdentity: "service-plan-of-" + id, Token: "sms-token-of-" + id},
	}}}
}

// clone is a copy that shares nothing with a; its channel credentials are [] when it has none, as the
// API's answers (and the admin API) show them.
func (a *App) clone() App {
	c := *a
	c.ChannelCredentials = append([]ChannelCredential{}, a.ChannelCredentials...)
	for i, credential := range c.ChannelCredentials {
		if credential.StaticBearer != nil {
			bearer := *credential.StaticBearer
			c.ChannelCredentials[i].StaticBearer = &bearer
		}
	}
	return c
}

// AddApp makes an app of a project exist in the region "us" (and the project, with no secret set where
// it has none), as the dashboard makes it (see App); an app that exists keeps its fields.
func (s *Server) AddApp(projectID, appID string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.projects[projectID] == nil {
		s.projects[projectID] = map[API]string{}
	}
	if app, ok := s.apps[appID]; ok {
		app.ProjectID = projectID
		return
	}
	s.apps[appID] = newApp(appID, projectID)
}

// App returns an app, callback secret included, and whether it exists.
func (s *Server) App(appID string) (App, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	app, ok := s.apps[appID]
	if !ok {
		return App{}, false
	}
	return app.clone(), true
}

// SetAppCallbackSecret sets an app's secret_for_overridden_callback_urls as someone in the dashboard
// would ("" is none), and tells whether the app exists.
func (s *Server) SetAppCallbackSecret(appID, secret string) bool {
	return s.ChangeApp(appID, func(app *App) { app.CallbackSettings.SecretForOverriddenCallbackURLs = secret })
}

// ChangeApp changes an app as someone in the dashboard would, and tells whether it exists.
func (s *Server) ChangeApp(appID string, change func(*App)) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	app, ok := s.apps[appID]
	if ok {
		change(app)
	}
	return ok
}

// appRegion is the region an app lives in: "us" unless Options.AppRegions says otherwise.
func (s *Server) appRegion(appID string) string {
	if region := s.opts.AppRegions[appID]; region != "" {
		return region
	}
	return "us"
}

// appOf returns an app, or answers Sinch's 404 and returns nil unless the project and its app exist, in
// the region whose host api is. The caller holds s.mu.
func (s *Server) appOf(w http.ResponseWriter, api API, projectID, appID string) *App {
	if _, ok := s.projects[projectID]; !ok {
		writeProjectNotFound(w, projectID)
		return nil
	}
	app, ok := s.apps[appID]
	if !ok || app.ProjectID != projectID || s.appRegion(appID) != regionOf(api) {
		writeError(w, http.StatusNotFound, "NOT_FOUND", fmt.Sprintf("App %s not found", appID),
			detail{"type": "ResourceInfo", "resourceType": "App", "resourceName": appID, "description": "The app does not exist."})
		return nil
	}
	return app
}

// appsHandler serves the Conversation API's apps at the host of one region (api).
func (s *Server) appsHandler(mux *http.ServeMux, api API) {
	const app = "/v1/projects/{project_id}/apps/{app_id}"
	mux.HandleFunc("GET "+app, s.authenticated(api, s.getApp))
	mux.HandleFunc("PATCH "+app, s.authenticated(api, s.updateApp))
}

func (s *Server) getApp(api API, w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if app := s.appOf(w, api, r.PathValue("project_id"), r.PathValue("app_id")); app != nil {
		writeJSON(w, http.StatusOK, s.appJSON(app))
	}
}

// updateApp sets the fields that update_mask names (update_mask.paths too, the form of .NET's Apps
// calls), a field named but absent from the body cleared, and keeps the others. Without a mask (or with
// an empty one) the body is the whole app: what it leaves out is cleared, channel credentials included,
// which is the danger of a PATCH that forgets the mask.
func (s *Server) updateApp(api API, w http.ResponseWriter, r *http.Request) {
	fields, ok := jsonBody(w, r)
	if !ok {
		return
	}
	mask := updateMask(r, "update_mask", "update_mask.paths")
	for _, name := range mask {
		if !slices.Contains(appFields, name) {
			writeViolation(w, "update_mask", fmt.Sprintf("%s is not a field of an app that can be updated.", name))
			return
		}
	}
	if len(mask) == 0 {
		mask = appFields
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	app := s.appOf(w, api, r.PathValue("project_id"), r.PathValue("app_id"))
	if app == nil {
		return
	}
	changed := app.clone()
	for _, name := range mask {
		raw, ok := fields[name]
		if !ok {
			raw = json.RawMessage("null")
		}
		var err error
		switch name {
		case "display_name":
			changed.DisplayName = ""
			err = json.Unmarshal(raw, &changed.DisplayName)
		case "channel_credentials":
			changed.ChannelCredentials = nil
			err = json.Unmarshal(raw, &changed.ChannelCredentials)
		case "callback_settings":
			changed.CallbackSettings = CallbackSettings{}
			err = json.Unmarshal(raw, &changed.CallbackSettings)
		}
		if err != nil {
			writeViolation(w, name, fmt.Sprintf("%s has the wrong type.", name))
			return
		}
	}
	*app = changed
	writeJSON(w, http.StatusOK, s.appJSON(app))
}

// appJSON is an app as the API answers it; without its callback secret when the server hides it.
func (s *Server) appJSON(app *App) map[string]any {
	settings := map[string]string{}
	if !s.opts.HideAppSecrets {
		settings["secret_for_overridden_callback_urls"] = app.CallbackSettings.SecretForOverriddenCallbackURLs
	}
	return map[string]any{"id": app.ID, "display_name": app.DisplayName, "channel_credentials": app.clone().ChannelCredentials,
		"callback_settings": settings}
}
