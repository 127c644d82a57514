package sinchmock

import (
	"net/http"
)

// provisioningHandler serves the Provisioning API's webhooks.
func (s *Server) provisioningHandler(mux *http.ServeMux) {
	const webhooks = "/v1/projects/{projectId}/webhooks"
	mux.HandleFunc("GET "+webhooks, s.authenticated(Provisioning, s.listProvisioningWebhooks))
	mux.HandleFunc("POST "+webhooks, s.authenticated(Provisioning, s.createProvisioningWebhook))
	mux.HandleFunc("GET "+webhooks+"/{webhookId}", s.authenticated(Provisioning, s.getProvisioningWebhook))
	mux.HandleFunc("PATCH "+webhooks+"/{webhookId}", s.authenticated(Provisioning, s.updateProvisioningWebhook))
	mux.HandleFunc("PUT "+webhooks+"/{webhookId}", s.authenticated(Provisioning, s.updateProvisioningWebhook))
	mux.HandleFunc("DELETE "+webhooks+"/{webhookId}", s.authenticated(Provisioning, s.deleteProvisioningWebhook))
}

func (s *Server) createProvisioningWebhook(_ API, w http.ResponseWriter, r *http.Request) {
	projectID := r.PathValue("projectId")
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, ok := s.projects[projectID]; !ok {
		writeProvisioningError(w, provisioningProjectNotFound(projectID))
		return
	}
	hook := &ProvisioningWebhook{ProjectID: projectID}
	fields, refused := provisioningBody(r.Body)
	if refused == nil {
		refused = setProvisioningFields(hook, fields, true)
	}
	if refused == nil {
		refused = validProvisioningWebhook(hook)
	}
	if refused == nil {
		refused = s.provisioningConflict(hook, true)
	}
	if refused != nil {
		writeProvisioningError(w, refused)
		return
	}
	made := s.provisioningWebhooks[s.addProvisioningWebhook(projectID, *hook)]
	writeJSON(w, http.StatusOK, made.answer())
}

func (s *Server) getProvisioningWebhook(_ API, w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if hook := s.provisioningWebhookOf(w, r); hook != nil {
		writeJSON(w, http.StatusOK, hook.answer())
	}
}

// updateProvisioningWebhook is PATCH (the fields the body has change, the others keep their value) and
// PUT (all three fields, required).
func (s *Server) updateProvisioningWebhook(_ API, w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	hook := s.provisioningWebhookOf(w, r)
	if hook == nil {
		return
	}
	changed := hook.clone()
	fields, refused := provisioningBody(r.Body)
	if refused == nil {
		refused = setProvisioningFields(&changed, fields, r.Method == http.MethodPut)
	}
	if refused == nil {
		refused = validProvisioningWebhook(&changed)
	}
	if refused == nil {
		refused = s.provisioningConflict(&changed, false)
	}
	if refused != nil {
		writeProvisioningError(w, refused)
		return
	}
	*hook = changed
	writeJSON(w, http.StatusOK, hook.answer())
}

// deleteProvisioningWebhook answers with an empty body, and Options.ProvisioningDeleteStatus: Sinch
// documents both 200 and 204.
func (s *Server) deleteProvisioningWebhook(_ API, w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if hook := s.provisioningWebhookOf(w, r); hook != nil {
		delete(s.provisioningWebhooks, hook.ID)
		w.WriteHeader(s.opts.ProvisioningDeleteStatus)
	}
}

// provisioningWebhookOf returns the webhook of the request's path, or answers 404 (for its project first,
// when that does not exist) and returns nil. The caller holds s.mu.
func (s *Server) provisioningWebhookOf(w http.ResponseWriter, r *http.Request) *ProvisioningWebhook {
	projectID, id := r.PathValue("projectId"), r.PathValue("webhookId")
	if _, ok := s.projects[projectID]; !ok {
		writeProvisioningError(w, provisioningProjectNotFound(projectID))
		return nil
	}
	hook, ok := s.provisioningWebhooks[id]
	if !ok || hook.ProjectID != projectID {
		writeProvisioningError(w, provisioningWebhookNotFound(projectID, id))
		return nil
	}
	return hook
}
