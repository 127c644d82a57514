package sinchmock

import (
	"cmp"
	"slices"
)

// Provisioning is the Provisioning API (one global host, like https://provisioning.api.sinch.com), whose
// webhooks the mock serves on a listener of its own: GET (paged) and POST /v1/projects/{projectId}/webhooks,
// and GET, PATCH, PUT and DELETE /v1/projects/{projectId}/webhooks/{webhookId}. Its errors have the API's
// own shape (ProvisioningError), and it never answers a webhook's secret.
const Provisioning API = "provisioning"

// MaxProvisioningWebhooks is how many webhooks a project may have in the Provisioning API; Sinch refuses
// one more.
const MaxProvisioningWebhooks = 15

// MaxProvisioningPageSize is the largest pageSize a list accepts, and the default page size.
const MaxProvisioningPageSize = 15

// ProvisioningAll is the trigger of every event, which cannot be combined with others.
const ProvisioningAll = "ALL"

// ProvisioningTriggers are the triggers the mock accepts: those of Sinch's reference. Sinch adds more over
// time; the mock refuses any other, as an older server would.
var ProvisioningTriggers = []string{
	ProvisioningAll, "BUNDLE_DONE",
	"KAKAOTALK_SENDER_ACTIVE", "KAKAOTALK_SENDER_COMMENT_ADDED", "KAKAOTALK_SENDER_INACTIVE", "KAKAOTALK_SENDER_REJECTED",
	"KAKAOTALK_TEMPLATE_APPROVED", "KAKAOTALK_TEMPLATE_COMMENT_ADDED", "KAKAOTALK_TEMPLATE_REJECTED",
	"RCS_BRAND_REGISTRATION_PROCESS_STATUS_UPDATED", "RCS_SENDER_COMMENT_ADDED", "RCS_SENDER_OPERATOR_STATUS_UPDATED",
	"RCS_SENDER_STATUS_UPDATED", "RCS_ACCOUNT_COMMENT_ADDED", "WHATSAPP_ACCOUNT_COMMENT_ADDED",
	"WHATSAPP_ACCOUNT_DAILY_LIMIT_CHANGED", "WHATSAPP_ACCOUNT_ONBOARDED", "WHATSAPP_ACCOUNT_PENDING_VERIFICATION",
	"WHATSAPP_ACCOUNT_REJECTED", "WHATSAPP_WABA_ACCOUNT_CHANGED", "WHATSAPP_SENDER_ACTIVE", "WHATSAPP_SENDER_COMMENT_ADDED",
	"WHATSAPP_SENDER_DAILY_LIMIT_CHANGED", "WHATSAPP_SENDER_DELETED", "WHATSAPP_SENDER_ERROR", "WHATSAPP_SENDER_INACTIVE",
	"WHATSAPP_SENDER_PENDING_VERIFICATION", "WHATSAPP_SENDER_QUALITY_RATING_CHANGED", "WHATSAPP_SENDER_REJECTED",
	"WHATSAPP_TEMPLATE_APPROVED", "WHATSAPP_TEMPLATE_CATEGORY_FUTURE_UPDATE", "WHATSAPP_TEMPLATE_CATEGORY_UPDATED",
	"WHATSAPP_TEMPLATE_COMMENT_ADDED", "WHATSAPP_TEMPLATE_DELETED", "WHATSAPP_TEMPLATE_QUALITY_SCORE_UPDATED",
	"WHATSAPP_TEMPLATE_REJECTED", "WHATSAPP_TEMPLATE_STATUS_UPDATED",
}

// ProvisioningWebhook is a Provisioning API webhook as the mock holds it, secret included; its JSON (in
// the admin API) has the API's field names. The API's answers leave the secret out.
type ProvisioningWebhook struct {
	ID        string   `json:"id"`
	ProjectID string   `json:"projectId"`
	Target    string   `json:"target"`
	Triggers  []string `json:"triggers"`
	Secret    string   `json:"secret"`
}

func (h *ProvisioningWebhook) clone() ProvisioningWebhook {
	c := *h
	c.Triggers = slices.Clone(h.Triggers)
	return c
}

// answer is the webhook as the API answers it: never with its secret.
func (h *ProvisioningWebhook) answer() map[string]any {
	return map[string]any{"id": h.ID, "projectId": h.ProjectID, "target": h.Target, "triggers": h.Triggers}
}

// AddProvisioningWebhook makes a webhook as someone in the dashboard would (and the project, with no
// secret set, if it does not exist), and returns its ID. It checks none of the API's rules, so that a test
// can set up any state.
func (s *Server) AddProvisioningWebhook(projectID string, hook ProvisioningWebhook) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.projects[projectID] == nil {
		s.projects[projectID] = map[API]string{}
	}
	return s.addProvisioningWebhook(projectID, hook)
}

func (s *Server) addProvisioningWebhook(projectID string, hook ProvisioningWebhook) string {
	hook.ID, hook.ProjectID = newWebhookID(), projectID
	hook.Triggers = slices.Clone(hook.Triggers)
	s.provisioningWebhooks[hook.ID] = &hook
	return hook.ID
}

// ProvisioningWebhook returns a webhook with the secret Sinch holds, which the API never answers, and
// whether it exists.
func (s *Server) ProvisioningWebhook(id string) (ProvisioningWebhook, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	hook, ok := s.provisioningWebhooks[id]
	if !ok {
		return ProvisioningWebhook{}, false
	}
	return hook.clone(), true
}

// ProvisioningWebhooks returns a project's webhooks, secrets included, in the order the API lists them
// (by target).
func (s *Server) ProvisioningWebhooks(projectID string) []ProvisioningWebhook {
	s.mu.Lock()
	defer s.mu.Unlock()
	var hooks []ProvisioningWebhook
	for _, hook := range s.provisioningWebhooksOf(projectID) {
		hooks = append(hooks, hook.clone())
	}
	return hooks
}

// ChangeProvisioningWebhook changes a webhook as someone in the dashboard would, and tells whether it
// exists.
func (s *Server) ChangeProvisioningWebhook(id string, change func(*ProvisioningWebhook)) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	hook, ok := s.provisioningWebhooks[id]
	if ok {
		change(hook)
	}
	return ok
}

// DeleteProvisioningWebhook deletes a webhook as someone in the dashboard would.
func (s *Server) DeleteProvisioningWebhook(id string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.provisioningWebhooks, id)
}

// provisioningWebhooksOf lists a project's webhooks as the API does: by target (then by ID, for the
// duplicates only AddProvisioningWebhook can make).
func (s *Server) provisioningWebhooksOf(projectID string) []*ProvisioningWebhook {
	var hooks []*ProvisioningWebhook
	for _, hook := range s.provisioningWebhooks {
		if hook.ProjectID == projectID {
			hooks = append(hooks, hook)
		}
	}
	slices.SortFunc(hooks, func(a, b *ProvisioningWebhook) int {
		return cmp.Or(cmp.Compare(a.Target, b.Target), cmp.Compare(a.ID, b.ID))
	})
	return hooks
}
