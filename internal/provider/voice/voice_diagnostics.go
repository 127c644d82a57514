package voice

import (
	"errors"
	"fmt"
	"net/http"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"

	"github.com/terraform-sinch/terraform-provider-sinch/internal/client"
	"github.com/terraform-sinch/terraform-provider-sinch/internal/provider/shared"
)

// unknownApplicationCode is the Voice API's errorCode for an application key it does not know.
const unknownApplicationCode = "40004"

// isUnknownApplication tells whether Sinch answered that it does not know the application key, whatever
// the HTTP status of the answer (Sinch documents the code, not the status).
func isUnknownApplication(err error) bool {
	var apiErr *client.APIError
	return errors.As(err, &apiErr) && apiErr.ErrorCode == unknownApplicationCode
}

// isRefused tells whether Sinch refused the signed request: a signature it did not take.
func isRefused(err error) bool {
	var apiErr *client.APIError
	return errors.As(err, &apiErr) && (apiErr.HTTPStatus == http.StatusUnauthorized || apiErr.HTTPStatus == http.StatusForbidden)
}

// errorDiagnostic explains a failed call of an application's callback URLs. Sinch's refusals of the
// signed request are said in the Voice API's terms (its application key and secret, and where the secret
// came from); everything else as for every other call (shared.APIErrorDiagnostic).
func errorDiagnostic(data *shared.ProviderData, applicationKey, verb string, err error) diag.Diagnostic {
	about := subject(applicationKey)
	failed := fmt.Sprintf("Could not %s %s", verb, about.What)
	var apiErr *client.APIError
	if !errors.As(err, &apiErr) {
		return shared.APIErrorDiagnostic(about, verb, err)
	}
	switch {
	case isUnknownApplication(err):
		return shared.WithSinchsAdvice(diag.NewAttributeErrorDiagnostic(path.Root(attrKey), "Voice application not known to Sinch", fmt.Sprintf(
			"%s: Sinch answered %s: it does not know the application key %q. Check application_key: it must be the "+
				"key of a Voice application in the Sinch dashboard (Voice, Apps); and %s (or SINCH_VOICE_API_URL), "+
				"which must be the Voice API, such as %s.", failed, shared.AnswerOf(apiErr), applicationKey,
			urlSettingOfVoice, client.DefaultVoiceURL)), apiErr)
	case isRefused(err):
		from := "the provider's settings"
		if data != nil && data.VoiceSecretFrom[applicationKey] != "" {
			from = data.VoiceSecretFrom[applicationKey]
		}
		return shared.WithSinchsAdvice(diag.NewAttributeErrorDiagnostic(path.Root(attrKey), "Sinch refused the signed request", fmt.Sprintf(
			"%s: Sinch answered %s. The request was signed with application key %q and the secret from %s, and "+
				"Sinch did not take the signature. Check that this secret is the application secret of application %q "+
				"in the Sinch dashboard (Voice, Apps), copied whole, in base64 as the dashboard shows it, and not reset "+
				"since; and that this machine's clock is right, as the signature carries the time of the request "+
				"(x-timestamp).", failed, shared.AnswerOf(apiErr), applicationKey, from, applicationKey)), apiErr)
	default:
		return shared.APIErrorDiagnostic(about, verb, err)
	}
}
