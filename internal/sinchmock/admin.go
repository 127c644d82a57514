package sinchmock

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"slices"
	"sort"
	"strings"
)

// AdminHandler serves what a person would do in Sinch's dashboard, and what the mock saw, apart from
// the APIs (so that using it changes no count):
//
//	GET    /                                  this list
//	GET    /stats                             request, token and connection counts
//	GET    /projects/{project}                a project's secret in each API, its webhooks and apps
//	PUT    /projects/{project}/secrets/{api}  set a project's secret in one API (the body is the secret;
//	                                          an empty body is no secret set); creates the project
//	DELETE /projects/{project}                delete a project
//	POST   /webhooks                          make a Conversation API webhook (the body is its JSON, in the
//	                                          API's field names: project_id, app_id, target, triggers,
//	                                          secret...; its app must exist); answers it, with its id
//	PUT    /webhooks/{id}/target              change a webhook's target (the body is the URL)
//	PUT    /webhooks/{id}/secret              change a webhook's secret (the body is the secret)
//	DELETE /webhooks/{id}                     delete a webhook
//	POST   /provisioning/webhooks             make a Provisioning API webhook (the body is its JSON, in the
//	                                          API's field names: projectId, target, secret, triggers; the
//	                                          API's rules apply); answers it, with its id
//	PUT    /provisioning/webhooks/{id}/target change a Provisioning API webhook's target (the body is the URL)
//	PUT    /provisioning/webhooks/{id}/secret change a Provisioning API webhook's secret
//	DELETE /provisioning/webhooks/{id}        delete a Provisioning API webhook
//	PUT    /apps/{app}/callback_settings/secret_for_overridden_callback_urls
//	                                          set a Conversation app's callback secret (the body is the
//	                                          secret; an empty body is none)
//
// {api} is the mock's name of an API, its key in the table of sinchapi.CallbackAPIs, such as numbers. A
// project's state lists its webhooks (Conversation and Provisioning) and its apps too, secrets included,
// in the APIs' field names. The calls of Voice applications and active numbers are in admin_numbers.go.
func (s *Server) AdminHandler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /{$}", func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		_, _ = fmt.Fprintf(w, adminUsage, apiNames())
		_, _ = fmt.Fprint(w, adminVoiceAndNumbersUsage)
	})
	mux.HandleFunc("GET /stats", func(w http.ResponseWriter, _ *http.Request) {
		writeJSON(w, http.StatusOK, s.Stats())
	})
	mux.HandleFunc("GET /projects/{project}", func(w http.ResponseWriter, r *http.Request) {
		project := r.PathValue("project")
		if !s.projectExists(project) {
			http.Error(w, fmt.Sprintf("no project %q", project), http.StatusNotFound)
			return
		}
		secrets := map[API]string{}
		for _, api := range APIs {
			secrets[api], _ = s.Secret(api, project)
		}
		webhooks, apps := []Webhook{}, []App{}
		for _, id := range s.appsOf(project) {
			webhooks = append(webhooks, s.Webhooks(id)...)
			app, _ := s.App(id)
			apps = append(apps, app)
		}
		provisioning := append([]ProvisioningWebhook{}, s.ProvisioningWebhooks(project)...)
		writeJSON(w, http.StatusOK, map[string]any{"project": project, "secrets": secrets, "webhooks": webhooks,
			"provisioning_webhooks": provisioning, "apps": apps})
	})
	s.adminDashboard(mux)
	for _, field := range []string{"target", "secret"} {
		mux.HandleFunc("PUT /webhooks/{id}/"+field, func(w http.ResponseWriter, r *http.Request) {
			value, err := io.ReadAll(io.LimitReader(r.Body, 1<<16))
			if err != nil {
				http.Error(w, err.Error(), http.StatusBadRequest)
				return
			}
			set := strings.TrimSuffix(string(value), "\n")
			if !s.ChangeWebhook(r.PathValue("id"), func(h *Webhook) {
				if field == "target" {
					h.Target = set
				} else {
					h.Secret = set
				}
			}) {
				http.Error(w, fmt.Sprintf("no webhook %q", r.PathValue("id")), http.StatusNotFound)
				return
			}
			w.WriteHeader(http.StatusNoContent)
		})
	}
	mux.HandleFunc("POST /webhooks", func(w http.ResponseWriter, r *http.Request) {
		var hook Webhook
		if err := json.NewDecoder(io.LimitReader(r.Body, 1<<16)).Decode(&hook); err != nil {
			http.Error(w, "the body must be a webhook's JSON: "+err.Error(), http.StatusBadRequest)
			return
		}
		if !s.appExists(hook.ProjectID, hook.AppID) {
			http.Error(w, fmt.Sprintf("no app %q in project %q", hook.AppID, hook.ProjectID), http.StatusNotFound)
			return
		}
		made, _ := s.Webhook(s.AddWebhook(hook.ProjectID, hook))
		writeJSON(w, http.StatusCreated, made)
	})
	mux.HandleFunc("DELETE /webhooks/{id}", func(w http.ResponseWriter, r *http.Request) {
		s.DeleteWebhook(r.PathValue("id"))
		w.WriteHeader(http.StatusNoContent)
	})
	mux.HandleFunc("PUT /projects/{project}/secrets/{api}", func(w http.ResponseWriter, r *http.Request) {
		api := API(r.PathValue("api"))
		if !slices.Contains(APIs, api) {
			http.Error(w, fmt.Sprintf("no API %q: use one of %s", api, apiNames()), http.StatusNotFound)
			return
		}
		secret, err := io.ReadAll(io.LimitReader(r.Body, 1<<16))
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		s.SetSecret(api, r.PathValue("project"), strings.TrimSuffix(string(secret), "\n"))
		w.WriteHeader(http.StatusNoContent)
	})
	mux.HandleFunc("DELETE /projects/{project}", func(w http.ResponseWriter, r *http.Request) {
		s.DeleteProject(r.PathValue("project"))
		w.WriteHeader(http.StatusNoContent)
	})
	s.adminVoiceAndNumbers(mux)
	return mux
}

const adminUsage = `sinch-mock admin: what a person would do in Sinch's dashboard, and what the mock saw.

GET    /stats                             request, token and connection counts
GET    /projects/{project}                a project's secret in each API, its webhooks and apps
PUT    /projects/{project}/secrets/{api}  set a project's secret in one API (the body is the secret)
DELETE /projects/{project}                delete a project
POST   /webhooks                          make a Conversation API webhook, as in the dashboard (the body
                                          is its JSON, in the API's field names; its app must exist)
PUT    /webhooks/{id}/target              change a webhook's target (the body is the URL)
PUT    /webhooks/{id}/secret              change a webhook's secret (the body is the secret)
DELETE /webhooks/{id}                     delete a webhook
POST   /provisioning/webhooks             make a Provisioning API webhook, as in the dashboard (the body
                                          is its JSON, in the API's field names; the API's rules apply)
PUT    /provisioning/webhooks/{id}/target change a Provisioning API webhook's target (the body is the URL)
PUT    /provisioning/webhooks/{id}/secret change a Provisioning API webhook's secret
DELETE /provisioning/webhooks/{id}        delete a Provisioning API webhook
PUT    /apps/{app}/callback_settings/secret_for_overridden_callback_urls
                                          set a Conversation app's callback secret (the body is the secret)

{api} is one of: %s. For example:

  curl -X PUT --data 'changed-in-the-dashboard' "$SINCH_MOCK_ADMIN_URL/projects/demo-project/secrets/numbers"
  curl --data '{"project_id": "demo-project", "app_id": "demo-app", "target": "https://handler.example/sinch",
    "triggers": ["MESSAGE_DELIVERY"], "secret": "made-in-the-dashboard"}' "$SINCH_MOCK_ADMIN_URL/webhooks"
  curl --data '{"projectId": "demo-project", "target": "https://handler.example/onboarding",
    "triggers": ["ALL"], "secret": "made-in-the-dashboard"}' "$SINCH_MOCK_ADMIN_URL/provisioning/webhooks"
`

func apiNames() string {
	var names []string
	for _, api := range APIs {
		names = append(names, string(api))
	}
	sort.Strings(names)
	return strings.Join(names, ", ")
}

// appsOf lists the Conversation API apps of a project.
func (s *Server) appsOf(project string) []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	var apps []string
	for id, app := range s.apps {
		if app.ProjectID == project {
			apps = append(apps, id)
		}
	}
	sort.Strings(apps)
	return apps
}

func (s *Server) projectExists(project string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	_, ok := s.projects[project]
	return ok
}

// ShellExports formats settings as lines a POSIX shell can eval or source: export NAME='value'.
func ShellExports(settings [][2]string) string {
	var b strings.Builder
	for _, setting := range settings {
		fmt.Fprintf(&b, "export %s='%s'\n", setting[0], strings.ReplaceAll(setting[1], "'", `'\''`))
	}
	return b.String()
}

// ParseShellExports reads what ShellExports wrote.
func ParseShellExports(text string) map[string]string {
	settings := map[string]string{}
	for _, line := range strings.Split(text, "\n") {
		name, value, ok := strings.Cut(strings.TrimPrefix(line, "export "), "=")
		if !ok {
			continue
		}
		value = strings.TrimSuffix(strings.TrimPrefix(value, "'"), "'")
		settings[name] = strings.ReplaceAll(value, `'\''`, "'")
	}
	return settings
}

func (s *Server) appExists(project, app string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	a, ok := s.apps[app]
	return ok && a.ProjectID == project && project != ""
}
