package provider

import (
	"errors"
	"fmt"
	"net/http"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"

	"github.com/terraform-sinch/terraform-provider-sinch/internal/client"
)

// apiErrorDiagnostic explains a failed call on one project's callback configuration: what happened,
// to which project, and what to do. verb is "read" or "set".
func apiErrorDiagnostic(verb, projectID string, err error) diag.Diagnostic {
	failed := fmt.Sprintf("Could not %s the callback configuration of Sinch project %q", verb, projectID)

	var tokenErr *client.TokenError
	var apiErr *client.APIError
	var unexpected *client.UnexpectedAnswerError
	switch {
	case errors.As(err, &tokenErr) && tokenErr.HTTPStatus >= 400 && tokenErr.HTTPStatus < 500:
		return diag.NewErrorDiagnostic("Sinch refused the access key", fmt.Sprintf(
			"%s: %s. Check key_id and key_secret (or SINCH_KEY_ID and SINCH_KEY_SECRET): they must be an access "+
				"key from the Sinch dashboard.", failed, tokenErr))
	case errors.As(err, &tokenErr):
		return diag.NewErrorDiagnostic("Could not get a Sinch access token", fmt.Sprintf(
			"%s: %s. Check token_url (or SINCH_TOKEN_URL) and the network.", failed, tokenErr))
	case errors.As(err, &apiErr):
		return apiStatusDiagnostic(verb, projectID, failed, apiErr)
	case errors.As(err, &unexpected):
		return diag.NewErrorDiagnostic("Unexpected answer from Sinch", fmt.Sprintf(
			"%s: %s. Check that api_url (or SINCH_API_URL) points at Sinch's Sender ID Registrations API or Brands API.",
			failed, unexpected))
	default:
		return diag.NewErrorDiagnostic("Could not reach Sinch", fmt.Sprintf(
			"%s: %s. Check api_url and token_url (or SINCH_API_URL and SINCH_TOKEN_URL) and the network.", failed, err))
	}
}

func apiStatusDiagnostic(verb, projectID, failed string, e *client.APIError) diag.Diagnostic {
	answer := fmt.Sprintf("HTTP %d", e.HTTPStatus)
	if e.Status != "" {
		answer += " " + e.Status
	}
	if e.Message != "" {
		answer += ": " + e.Message
	}
	switch e.HTTPStatus {
	case http.StatusNotFound:
		return diag.NewAttributeErrorDiagnostic(path.Root("project_id"), "Sinch project not found", fmt.Sprintf(
			"Sinch says project %q does not exist (%s), so its callback configuration cannot be %s. "+
				"Check project_id or SINCH_PROJECT_ID.", projectID, answer, verb))
	case http.StatusBadRequest:
		var b strings.Builder
		fmt.Fprintf(&b, "Sinch refused the callback configuration of project %q (%s).", projectID, answer)
		for _, v := range e.FieldViolations() {
			fmt.Fprintf(&b, "\n  - %s: %s", v.Field, v.Description)
		}
		b.WriteString("\nCorrect the configuration and apply again.")
		return diag.NewErrorDiagnostic("Sinch rejected the callback configuration", b.String())
	case http.StatusUnauthorized, http.StatusForbidden:
		return diag.NewErrorDiagnostic("Sinch refused the request", fmt.Sprintf(
			"%s: Sinch answered %s. Check key_id and key_secret (or SINCH_KEY_ID and SINCH_KEY_SECRET), and that "+
				"the access key belongs to project %q.", failed, answer, projectID))
	default:
		return diag.NewErrorDiagnostic("Sinch API error", fmt.Sprintf(
			"%s: Sinch answered %s. If this persists, check Sinch's status page or contact Sinch support.", failed, answer))
	}
}
