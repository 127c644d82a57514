package sinchmock

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strings"
)

// adminDashboard serves what a person does in the dashboard to the Provisioning API's webhooks and to
// the Conversation API's apps' callback settings (see AdminHandler). The dashboard keeps the API's rules:
// a webhook it makes or changes is refused as the API would refuse it, in plain text.
func (s *Server) adminDashboard(mux *http.ServeMux) {
	mux.HandleFunc("POST /provisioning/webhooks", func(w http.ResponseWriter, r *http.Request) {
		var hook ProvisioningWebhook
		if err := json.NewDecoder(io.LimitReader(r.Body, 1<<16)).Decode(&hook); err != nil {
			http.Error(w, "the body must be a Provisioning API webhook's JSON: "+err.Error(), http.StatusBadRequest)
			return
		}
		made, refused := s.dashboardProvisioningWebhook(hook)
		if refused != nil {
			http.Error(w, refused.Message, refused.Status)
			return
		}
		writeJSON(w, http.StatusCreated, made)
	})
	for _, field := range []string{"target", "secret"} {
		mux.HandleFunc("PUT /provisioning/webhooks/{id}/"+field, func(w http.ResponseWriter, r *http.Request) {
			value, ok := adminValue(w, r)
			if !ok {
				return
			}
			refused := s.dashboardChangeProvisioningWebhook(r.PathValue("id"), func(h *ProvisioningWebhook) {
				if field == "target" {
					h.Target = value
				} else {
					h.Secret = value
				}
			})
			if refused != nil {
				http.Error(w, refused.Message, refused.Status)
				return
			}
			w.WriteHeader(http.StatusNoContent)
		})
	}
	mux.HandleFunc("DELETE /provisioning/webhooks/{id}", func(w http.ResponseWriter, r *http.Request) {
		s.DeleteProvisioningWebhook(r.PathValue("id"))
		w.WriteHeader(http.StatusNoContent)
	})
	mux.HandleFunc("PUT /apps/{app}/callback_settings/secret_for_overridden_callback_urls", func(w http.ResponseWriter, r *http.Request) {
		value, ok := adminValue(w, r)
		if !ok {
			return
		}
		if !s.SetAppCallbackSecret(r.PathValue("app"), value) {
			http.Error(w, fmt.Sprintf("no app %q", r.PathValue("app")), http.StatusNotFound)
			return
		}
		w.WriteHeader(http.StatusNoContent)
	})
}

// adminValue reads a body that is one value, such as a secret, without the newline a shell adds.
func adminValue(w http.ResponseWriter, r *http.Request) (string, bool) {
	value, err := io.ReadAll(io.LimitReader(r.Body, 1<<16))
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return "", false
	}
	return strings.TrimSuffix(string(value), "\n"), true
}

// dashboardProvisioningWebhook makes a webhook in its project, as the API would, and returns it.
func (s *Server) dashboardProvisioningWebhook(hook ProvisioningWebhook) (ProvisioningWebhook, *ProvisioningError) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, ok := s.projects[hook.ProjectID]; !ok {
		return ProvisioningWebhook{}, provisioningProjectNotFound(hook.ProjectID)
	}
	hook.ID = ""
	refused := validProvisioningWebhook(&hook)
	if refused == nil {
		refused = s.provisioningConflict(&hook, true)
	}
	if refused != nil {
		return ProvisioningWebhook{}, refused
	}
	return s.provisioningWebhooks[s.addProvisioningWebhook(hook.ProjectID, hook)].clone(), nil
}

// dashboardChangeProvisioningWebhook changes a webhook, as the API would.
func (s *Server) dashboardChangeProvisioningWebhook(id string, change func(*ProvisioningWebhook)) *ProvisioningError {
	s.mu.Lock()
	defer s.mu.Unlock()
	hook, ok := s.provisioningWebhooks[id]
	if !ok {
		return &ProvisioningError{Status: http.StatusNotFound, Message: fmt.Sprintf("no Provisioning API webhook %q", id)}
	}
	changed := hook.clone()
	change(&changed)
	refused := validProvisioningWebhook(&changed)
	if refused == nil {
		refused = s.provisioningConflict(&changed, false)
	}
	if refused == nil {
		*hook = changed
	}
	return refused
}
