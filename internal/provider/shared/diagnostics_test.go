package shared

import (
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"

	"github.com/terraform-sinch/terraform-provider-sinch/internal/client"
)

// The flat error body of the Provisioning and Voice APIs is shown field by field: its errorCode where
// there is no status, its resolution (Sinch's "what to do"), its additional information and its
// reference; a not-found keeps the attribute it points at.
func TestAPIErrorDiagnostic_flatBody(t *testing.T) {
	about := CallSubject{What: `a webhook of Sinch project "p"`, Kind: "webhook", ProjectID: "p",
		Checks: map[string]NotFoundCheck{"": {Text: "Check the webhook.", At: path.Root("id")}}}
	refused := &client.APIError{HTTPStatus: 400, Method: "POST", URL: "https://provisioning.api.sinch.com/v1/projects/p/webhooks",
		ErrorCode: "BAD_REQUEST", Message: "Invalid trigger", Resolution: "Use a trigger of the list.",
		AdditionalInformation: []string{"field: triggers", "value: NOPE"}, Reference: "ref-42"}
	d := APIErrorDiagnostic(about, "create", refused)
	for _, want := range []string{"HTTP 400 BAD_REQUEST: Invalid trigger", "Sinch says what to do: Use a trigger of the list.",
		"Sinch adds: field: triggers; value: NOPE.", "reference of the error, for its support: ref-42."} {
		if !strings.Contains(d.Detail(), want) {
			t.Errorf("the diagnostic does not say %q:\n%s", want, d.Detail())
		}
	}
	missing := &client.APIError{HTTPStatus: 404, Method: "GET", URL: "https://provisioning.api.sinch.com/v1/projects/p/webhooks/w",
		ErrorCode: "NOT_FOUND", Message: "No such webhook", Resolution: "Check the ID."}
	d = APIErrorDiagnostic(about, "read", missing)
	at, ok := d.(diag.DiagnosticWithPath)
	if !ok || !at.Path().Equal(path.Root("id")) || !strings.Contains(d.Detail(), "Sinch says what to do: Check the ID.") {
		t.Errorf("the not-found diagnostic lost its attribute or Sinch's advice: %#v", d)
	}
	plain := &client.APIError{HTTPStatus: 400, Method: "PUT", URL: "https://numbers.api.sinch.com/x", Status: "INVALID_ARGUMENT", Message: "m"}
	if d := APIErrorDiagnostic(about, "set", plain); strings.Contains(d.Detail(), "Sinch says") || strings.Contains(d.Detail(), "Sinch adds") {
		t.Errorf("an error body without advice gained some:\n%s", d.Detail())
	}
}
