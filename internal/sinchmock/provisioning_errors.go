package sinchmock

import (
	"encoding/json"
	"fmt"
	"net/http"
)

// ProvisioningError is the Provisioning API's error body, which has a shape of its own ("PAPI Error"),
// not wrapped in "error" as Sinch's RestError is.
type ProvisioningError struct {
	// Status is the HTTP status it comes with; it is not part of the body.
	Status                int            `json:"-"`
	ErrorCode             string         `json:"errorCode"`
	Message               string         `json:"message"`
	Resolution            string         `json:"resolution"`
	AdditionalInformation map[string]any `json:"additionalInformation,omitempty"`
}

// The errorCodes the mock answers with. Sinch documents the shape of the body, not its codes: these are
// the mock's, and a client must not rely on them.
const (
	ProvisioningProjectNotFound  = "PROJECT_NOT_FOUND"
	ProvisioningWebhookNotFound  = "WEBHOOK_NOT_FOUND"
	ProvisioningValidationError  = "VALIDATION_ERROR"
	ProvisioningLimitExceeded    = "WEBHOOK_LIMIT_EXCEEDED"
	ProvisioningTargetExists     = "WEBHOOK_TARGET_ALREADY_EXISTS"
	ProvisioningInvalidPageSize  = "INVALID_PAGE_SIZE"
	ProvisioningInvalidPageToken = "INVALID_PAGE_TOKEN"
)

func writeProvisioningError(w http.ResponseWriter, e *ProvisioningError) {
	writeJSON(w, e.Status, e)
}

func provisioningProjectNotFound(projectID string) *ProvisioningError {
	return &ProvisioningError{Status: http.StatusNotFound, ErrorCode: ProvisioningProjectNotFound,
		Message:               fmt.Sprintf("Project %s not found.", projectID),
		Resolution:            "Check the project ID: you can find it on the Sinch dashboard.",
		AdditionalInformation: map[string]any{"projectId": projectID}}
}

func provisioningWebhookNotFound(projectID, webhookID string) *ProvisioningError {
	return &ProvisioningError{Status: http.StatusNotFound, ErrorCode: ProvisioningWebhookNotFound,
		Message:               fmt.Sprintf("Webhook %s not found in project %s.", webhookID, projectID),
		Resolution:            "Check the webhook ID, or list the project's webhooks to find it.",
		AdditionalInformation: map[string]any{"projectId": projectID, "webhookId": webhookID}}
}

// provisioningViolation is a 400 for one field of a request.
func provisioningViolation(field, reason string) *ProvisioningError {
	return &ProvisioningError{Status: http.StatusBadRequest, ErrorCode: ProvisioningValidationError,
		Message:               "Validation failed: " + reason,
		Resolution:            "Correct " + field + " and send the request again.",
		AdditionalInformation: map[string]any{"field": field, "reason": reason}}
}

// provisioningTargetTaken is the refusal of a target that another webhook of the project has. It names
// neither that webhook nor its ID, as nothing says Sinch does: a client finds it by listing. Options can
// word it otherwise (ProvisioningDuplicateTarget), so that a client cannot depend on one wording.
func (s *Server) provisioningTargetTaken() *ProvisioningError {
	e := &ProvisioningError{Status: http.StatusConflict, ErrorCode: ProvisioningTargetExists,
		Message:    "A webhook with this target already exists in the project.",
		Resolution: "Use another target, or change the webhook that has it."}
	if o := s.opts.ProvisioningDuplicateTarget; o != nil {
		if o.Status != 0 {
			e.Status = o.Status
		}
		if o.ErrorCode != "" {
			e.ErrorCode = o.ErrorCode
		}
		if o.Message != "" {
			e.Message = o.Message
		}
		if o.Resolution != "" {
			e.Resolution = o.Resolution
		}
		e.AdditionalInformation = o.AdditionalInformation
	}
	return e
}

// writeErrorOf answers an error of any route in the shape of the API that serves it: the Provisioning
// API's own, Sinch's RestError for the others.
func writeErrorOf(api API, w http.ResponseWriter, code int, status, message string) {
	if api != Provisioning {
		writeError(w, code, status, message)
		return
	}
	writeProvisioningError(w, &ProvisioningError{Status: code, ErrorCode: status, Message: message,
		Resolution: provisioningResolution(code)})
}

func provisioningResolution(code int) string {
	switch {
	case code == http.StatusUnauthorized || code == http.StatusForbidden:
		return "Get a new access token with the project's access key, and send the request again."
	case code == http.StatusTooManyRequests || code >= 500:
		return "Wait a moment, and send the request again."
	default:
		return "Correct the request, and send it again."
	}
}

// writeProvisioningEcho is Echo in the Provisioning API's shape: each field of the body quotes what the
// request carried, in another form (the message the Authorization header, the resolution the body as a
// string, additionalInformation both, and the body's JSON as an object), for tests of redaction.
func writeProvisioningEcho(w http.ResponseWriter, r *http.Request, code int, authorization, body string) {
	information := map[string]any{"authorization": authorization, "requestBody": body}
	var request any
	if json.Unmarshal([]byte(body), &request) == nil {
		information["request"] = request
	}
	writeProvisioningError(w, &ProvisioningError{Status: code, ErrorCode: sinchStatus(code),
		Message:               fmt.Sprintf("Refused %s %s with Authorization: %s", r.Method, r.URL.Path, authorization),
		Resolution:            "Do not send " + body,
		AdditionalInformation: information})
}
