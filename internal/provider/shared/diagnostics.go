package shared

import (
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"

	"github.com/terraform-sinch/terraform-provider-sinch/internal/client"
	"github.com/terraform-sinch/terraform-provider-sinch/internal/sinchapi"
)

// CallSubject is what a call to Sinch was about, for the diagnostic of its failure.
type CallSubject struct {
	// What names it after "Could not <verb>", such as `the callback configuration of Sinch project "p" in
	// the Numbers API`; Kind names its kind, such as "callback configuration".
	What, Kind string
	// ProjectID is the project of the call, which the access key must belong to.
	ProjectID string
	// Missing names what Sinch's NOT_FOUND says is missing, when the answer names nothing, such as
	// `project "p"`.
	Missing string
	// Checks say what to check when Sinch says that something does not exist: by the kind its answer
	// names (the resourceType of its details, in lower case: "project", "app", "webhook"), and under ""
	// for an answer that names none.
	Checks map[string]NotFoundCheck
	// API names the API, whose default base URL and URL setting these are.
	API, DefaultURL, URLSetting string
	// HostCheck, when more than the URL setting picks the host (the Conversation API's region), says
	// what to check of the host, naming it.
	HostCheck string
}

// NotFoundCheck is what to check when Sinch says that something does not exist, and its attribute, if
// it has one.
type NotFoundCheck struct {
	// Text says what to check, such as "Check app_id."; At is the attribute, or empty.
	Text string
	At   path.Path
}

// APIErrorDiagnostic explains a failed call: what happened, to what, after how many attempts, and what
// to do. verb is "read", "set", "create" and the like.
func APIErrorDiagnostic(about CallSubject, verb string, err error) diag.Diagnostic {
	failed := fmt.Sprintf("Could not %s %s", verb, about.What)
	urlSetting := fmt.Sprintf("%s (or %s)", about.URLSetting, sinchapi.EnvVarOf(about.URLSetting))

	var tokenErr *client.TokenError
	var apiErr *client.APIError
	var transportErr *client.TransportError
	var redirect *client.RedirectError
	var mismatch *client.MismatchError
	var unexpected *client.UnexpectedAnswerError
	var unconfirmed *client.NotFoundUnconfirmedError
	var noKey *client.NoAccessKeyError
	switch {
	case errors.As(err, &unconfirmed):
		return unconfirmedNotFoundDiagnostic(about, failed, unconfirmed)
	case errors.As(err, &noKey):
		return diag.NewErrorDiagnostic("Missing Sinch provider setting", fmt.Sprintf("%s. %s", failed, accessKeyNeeded(noKey)))
	case errors.As(err, &tokenErr):
		return tokenDiagnostic(failed, tokenErr)
	case errors.As(err, &apiErr):
		return WithSinchsAdvice(apiStatusDiagnostic(about, verb, failed, apiErr), apiErr)
	case errors.As(err, &transportErr):
		return transportDiagnostic(failed, transportErr, about.URLSetting)
	case errors.As(err, &redirect):
		return redirectDiagnostic(failed, redirect, about.URLSetting)
	case errors.As(err, &mismatch):
		return diag.NewErrorDiagnostic("Sinch did not confirm the secret", fmt.Sprintf(
			"%s: Sinch answered the update with a secret other than the one sent, so the write is not confirmed. "+
				"Sinch may have changed the value (trimmed white space, say), or something between this machine and "+
				"Sinch answered in its place. Terraform keeps the state it had, and the next plan reads what Sinch "+
				"holds. If it happens again, check %s and any proxy on the way.", failed, urlSetting))
	case errors.As(err, &unexpected):
		return diag.NewErrorDiagnostic("Unexpected answer from Sinch", fmt.Sprintf(
			"%s: Sinch answered HTTP %d %s, but %s. Check that %s points at Sinch's %s API, not at a proxy "+
				"or another service.", failed, unexpected.HTTPStatus, attempts(unexpected.Attempts), unexpected.Reason,
			urlSetting, about.API))
	default:
		return diag.NewErrorDiagnostic("Sinch API error", fmt.Sprintf("%s: %s.", failed, err))
	}
}

func tokenDiagnostic(failed string, e *client.TokenError) diag.Diagnostic {
	answer := fmt.Sprintf("HTTP %d", e.HTTPStatus)
	if e.Code != "" {
		answer += fmt.Sprintf(" (%s)", e.Code)
	}
	var transportErr *client.TransportError
	var redirect *client.RedirectError
	switch {
	case errors.As(e.Err, &transportErr):
		// Its URL is the token endpoint's, which the diagnostic names.
		return transportDiagnostic(failed, transportErr, "token_url")
	case errors.As(e.Err, &redirect):
		return redirectDiagnostic(failed, redirect, "token_url")
	case e.HTTPStatus == http.StatusTooManyRequests || e.HTTPStatus == http.StatusRequestTimeout || e.HTTPStatus >= 500:
		return diag.NewErrorDiagnostic("Sinch's token endpoint is unavailable", fmt.Sprintf(
			"%s: the token endpoint %s answered %s %s. Wait a moment and run Terraform again; max_retries "+
				"(SINCH_MAX_RETRIES) sets how often the provider retries.", failed, e.TokenURL, answer, attempts(e.Attempts)))
	default:
		return diag.NewErrorDiagnostic("Sinch refused the access key", fmt.Sprintf(
			"%s: the token endpoint %s answered %s. Check key_id and key_secret (or SINCH_KEY_ID and "+
				"SINCH_KEY_SECRET): they must be an access key from the Sinch dashboard.", failed, e.TokenURL, answer))
	}
}

// accessKeyNeeded says which settings of the access key a call needs, and where to set them.
func accessKeyNeeded(e *client.NoAccessKeyError) string {
	settings, it, where := missingKeySettings(e)
	return fmt.Sprintf("The provider needs %s: set %s in the provider block or in %s. Access keys are made in the "+
		"Sinch dashboard under Access keys. (Only the Voice API's calls, signed with an application's own key and "+
		"secret, need none.)", settings, it, where)
}

// missingKeySettings names the settings of the access key that are missing, the pronoun of them, and
// their environment variables.
func missingKeySettings(e *client.NoAccessKeyError) (settings, it, where string) {
	switch {
	case e.NoKeyID && e.NoKeySecret:
		return "key_id and key_secret", "them", "the SINCH_KEY_ID and SINCH_KEY_SECRET environment variables"
	case e.NoKeySecret:
		return "key_secret", "it", "the SINCH_KEY_SECRET environment variable"
	default:
		return "key_id", "it", "the SINCH_KEY_ID environment variable"
	}
}

// WithSinchsAdvice adds to the diagnostic of an API error what Sinch's error body says beyond its status
// and message, in the flat body of the Provisioning and Voice APIs: its resolution (Sinch's "what to do"),
// its additional information and its reference, each redacted of the secrets as the rest.
func WithSinchsAdvice(d diag.Diagnostic, e *client.APIError) diag.Diagnostic {
	var b strings.Builder
	if e.Resolution != "" {
		fmt.Fprintf(&b, "\nSinch says what to do: %s", strings.TrimSpace(e.Resolution))
	}
	if len(e.AdditionalInformation) > 0 {
		fmt.Fprintf(&b, "\nSinch adds: %s.", strings.TrimSuffix(strings.Join(e.AdditionalInformation, "; "), "."))
	}
	if e.Reference != "" {
		fmt.Fprintf(&b, "\nSinch's reference of the error, for its support: %s.", strings.TrimSuffix(e.Reference, "."))
	}
	if b.Len() == 0 {
		return d
	}
	if at, ok := d.(diag.DiagnosticWithPath); ok {
		return diag.NewAttributeErrorDiagnostic(at.Path(), d.Summary(), d.Detail()+b.String())
	}
	return diag.NewErrorDiagnostic(d.Summary(), d.Detail()+b.String())
}

// AnswerOf says what Sinch answered, for a diagnostic: `HTTP 401 40100: Unauthorized: ...`.
func AnswerOf(e *client.APIError) string {
	answer := fmt.Sprintf("HTTP %d", e.HTTPStatus)
	switch {
	case e.Status != "":
		answer += " " + e.Status
	case e.ErrorCode != "":
		answer += " " + e.ErrorCode
	}
	if e.Message != "" {
		answer += ": " + e.Message
	}
	if e.Status == "" && e.ErrorCode == "" && e.Message == "" {
		answer += ", with a body that is not Sinch's JSON error"
	}
	return answer
}

func apiStatusDiagnostic(about CallSubject, verb, failed string, e *client.APIError) diag.Diagnostic {
	answer := AnswerOf(e)
	switch {
	case client.IsNotFound(e):
		missing, check := about.Missing, about.Checks[""]
		for _, d := range e.Details {
			if d.ResourceType != "" && d.ResourceName != "" {
				missing = fmt.Sprintf("%s %q", strings.ToLower(d.ResourceType), d.ResourceName)
				if c, ok := about.Checks[strings.ToLower(d.ResourceType)]; ok {
					check = c
				}
			}
		}
		detail := fmt.Sprintf("Sinch says %s does not exist (%s), so Terraform could not %s %s. %s", missing, answer, verb, about.What, check.Text)
		if len(check.At.Steps()) > 0 {
			return diag.NewAttributeErrorDiagnostic(check.At, "Not found at Sinch", detail)
		}
		return diag.NewErrorDiagnostic("Not found at Sinch", detail)
	case e.HTTPStatus == http.StatusNotFound:
		return diag.NewErrorDiagnostic("Not an answer of Sinch's API", fmt.Sprintf(
			"%s: %s %s answered %s, not Sinch's answer for something missing, so it says nothing about the "+
				"project and Terraform leaves its state as it was. Check %s (or %s): it must be the base URL of "+
				"Sinch's %s API, such as %s, without a path.", failed, e.Method, e.URL, answer, about.URLSetting,
			sinchapi.EnvVarOf(about.URLSetting), about.API, about.DefaultURL))
	case e.HTTPStatus == http.StatusBadRequest:
		var b strings.Builder
		fmt.Fprintf(&b, "Sinch refused %s (%s).", about.What, answer)
		for _, v := range e.FieldViolations() {
			fmt.Fprintf(&b, "\n  - %s: %s", v.Field, v.Description)
		}
		b.WriteString("\nCorrect the configuration and apply again.")
		return diag.NewErrorDiagnostic("Sinch rejected the "+about.Kind, b.String())
	case e.HTTPStatus == http.StatusUnauthorized, e.HTTPStatus == http.StatusForbidden:
		return diag.NewErrorDiagnostic("Sinch refused the request", fmt.Sprintf(
			"%s: Sinch answered %s. Check key_id and key_secret (or SINCH_KEY_ID and SINCH_KEY_SECRET), and that "+
				"the access key belongs to project %q.", failed, answer, about.ProjectID))
	case e.HTTPStatus == http.StatusTooManyRequests:
		return diag.NewErrorDiagnostic("Sinch is rate limiting the provider", fmt.Sprintf(
			"%s: Sinch answered %s %s. Wait a moment and apply again, or lower -parallelism; max_retries "+
				"(SINCH_MAX_RETRIES) sets how often the provider retries.", failed, answer, attempts(e.Attempts)))
	case e.HTTPStatus >= 500:
		return diag.NewErrorDiagnostic("Sinch API unavailable", fmt.Sprintf(
			"%s: Sinch answered %s %s. This is a problem at Sinch or on the way to it: try again later, and check "+
				"Sinch's status page if it persists.", failed, answer, attempts(e.Attempts)))
	default:
		return diag.NewErrorDiagnostic("Sinch API error", fmt.Sprintf("%s: Sinch answered %s.", failed, answer))
	}
}

// redirectDiagnostic explains a redirect that was not followed; setting names the URL setting to check.
func redirectDiagnostic(failed string, e *client.RedirectError, setting string) diag.Diagnostic {
	to := "that names no Location"
	if e.LocationHost != "" {
		to = "to " + e.LocationHost
	}
	return diag.NewErrorDiagnostic("Redirect not followed", fmt.Sprintf(
		"%s: %s answered HTTP %d, a redirect %s. Sinch's API does not redirect, so the provider did not follow it "+
			"and sent nothing there. Check %s (or %s), and any proxy between this machine and Sinch.",
		failed, HostOf(e.URL), e.HTTPStatus, to, setting, sinchapi.EnvVarOf(setting)))
}

// HostOf is the host of a URL, for a diagnostic; the URL itself when it has none.
func HostOf(raw string) string {
	if u, err := url.Parse(raw); err == nil && u.Host != "" {
		return u.Host
	}
	return raw
}

// transportDiagnostic explains a request that got no answer; setting names the URL setting it went to.
func transportDiagnostic(failed string, e *client.TransportError, setting string) diag.Diagnostic {
	host := HostOf(e.URL)
	check := fmt.Sprintf("Check %s (or %s)", setting, sinchapi.EnvVarOf(setting))
	after := attempts(e.Attempts)
	switch e.Problem() {
	case client.ProblemCanceled:
		return diag.NewErrorDiagnostic("Cancelled", fmt.Sprintf(
			"%s: the run was cancelled before Sinch answered. The state keeps the last answer Sinch gave; the "+
				"next plan shows whether the change still has to be made.", failed))
	case client.ProblemTimeout:
		return diag.NewErrorDiagnostic("Sinch did not answer in time", fmt.Sprintf(
			"%s: %s did not answer within request_timeout %s. Check the network, or raise request_timeout "+
				"(SINCH_REQUEST_TIMEOUT).", failed, host, after))
	case client.ProblemDNS:
		return diag.NewErrorDiagnostic("Unknown Sinch host", fmt.Sprintf(
			"%s: the host %s could not be resolved %s (%v). %s for typos, and the machine's DNS.",
			failed, host, after, e.Err, check))
	case client.ProblemRefused:
		return diag.NewErrorDiagnostic("Sinch refused the connection", fmt.Sprintf(
			"%s: %s refused the connection %s. %s, and any proxy or firewall on the way.", failed, host, after, check))
	case client.ProblemTLS:
		return diag.NewErrorDiagnostic("TLS failure talking to Sinch", fmt.Sprintf(
			"%s: the TLS connection to %s failed (%v). Check that %s (or %s) names Sinch's host; a proxy that "+
				"inspects TLS needs its certificate authority trusted by this machine.", failed, host, e.Err, setting,
			sinchapi.EnvVarOf(setting)))
	case client.ProblemDropped:
		return diag.NewErrorDiagnostic("Sinch closed the connection", fmt.Sprintf(
			"%s: %s closed the connection without an answer %s. Try again later; check any proxy on the way.",
			failed, host, after))
	default:
		return diag.NewErrorDiagnostic("Could not reach Sinch", fmt.Sprintf(
			"%s: %v %s. %s, and the network.", failed, e.Err, after, check))
	}
}

// attempts says how many attempts a failure took, for a diagnostic.
func attempts(n int) string {
	if n <= 1 {
		return "after 1 attempt"
	}
	return fmt.Sprintf("after %d attempts", n)
}

// unconfirmedNotFoundDiagnostic explains Sinch's 404 for a webhook that the list of its app did not
// confirm: it says nothing of the webhook, and comes from the wrong host as often as not.
func unconfirmedNotFoundDiagnostic(about CallSubject, failed string, e *client.NotFoundUnconfirmedError) diag.Diagnostic {
	var why string
	switch {
	case e.AppID == "":
		why = "the webhook's app is not known yet (an import), so no list of its webhooks can confirm it"
	case client.IsNotFound(e.ListErr):
		why = fmt.Sprintf("the list of app %q's webhooks there answers that the app does not exist there either", e.AppID)
	case e.ListErr != nil:
		why = fmt.Sprintf("the list of app %q's webhooks, which would confirm it, failed (%s)", e.AppID, InWords(e.ListErr))
	default:
		why = fmt.Sprintf("the list of app %q's webhooks shows it", e.AppID)
	}
	return diag.NewErrorDiagnostic("Not confirmed by Sinch", fmt.Sprintf(
		"%s: %s answered that it does not exist (HTTP 404 %s), and %s. Sinch has not confirmed that it is gone, so "+
			"Terraform leaves the state as it was. %s", failed, HostOf(e.NotFound.URL), e.NotFound.Message, why, about.HostCheck))
}

// InWords says what an error of a call was, for a diagnostic that names the call already: "Sinch
// answered HTTP 500", "the connection was closed before Sinch answered", never a raw Go error such as
// "EOF" or "context deadline exceeded".
func InWords(err error) string {
	var tokenErr *client.TokenError
	var apiErr *client.APIError
	var transportErr *client.TransportError
	var redirect *client.RedirectError
	var unexpected *client.UnexpectedAnswerError
	var noKey *client.NoAccessKeyError
	switch {
	case errors.As(err, &noKey):
		settings, _, _ := missingKeySettings(noKey)
		return "no access token: the provider has no " + settings
	case errors.As(err, &tokenErr):
		if errors.As(tokenErr.Err, &transportErr) {
			return "no access token: " + transportInWords(transportErr)
		}
		return fmt.Sprintf("no access token: the token endpoint answered HTTP %d", tokenErr.HTTPStatus)
	case errors.As(err, &apiErr):
		answer := fmt.Sprintf("Sinch answered HTTP %d", apiErr.HTTPStatus)
		switch {
		case apiErr.Status != "":
			answer += " " + apiErr.Status
		case apiErr.ErrorCode != "":
			answer += " " + apiErr.ErrorCode
		}
		if apiErr.Message != "" {
			answer += ": " + apiErr.Message
		}
		return answer + laterAttempts(apiErr.Attempts)
	case errors.As(err, &transportErr):
		return transportInWords(transportErr)
	case errors.As(err, &redirect):
		return fmt.Sprintf("%s answered HTTP %d, a redirect, not followed", HostOf(redirect.URL), redirect.HTTPStatus)
	case errors.As(err, &unexpected):
		return fmt.Sprintf("Sinch answered HTTP %d, but %s", unexpected.HTTPStatus, unexpected.Reason)
	default:
		return err.Error()
	}
}

// transportInWords says what happened to a request that got no answer.
func transportInWords(e *client.TransportError) string {
	host := HostOf(e.URL)
	var what string
	switch e.Problem() {
	case client.ProblemCanceled:
		what = "the run was cancelled before " + host + " answered"
	case client.ProblemTimeout:
		what = host + " did not answer within request_timeout"
	case client.ProblemDNS:
		what = "the host " + host + " could not be resolved"
	case client.ProblemRefused:
		what = host + " refused the connection"
	case client.ProblemTLS:
		what = "the TLS connection to " + host + " failed"
	case client.ProblemDropped:
		what = "the connection was closed before " + host + " answered"
	default:
		what = "no answer from " + host
	}
	return what + laterAttempts(e.Attempts)
}

// laterAttempts says how many attempts a failure took, when there were several.
func laterAttempts(n int) string {
	if n <= 1 {
		return ""
	}
	return " " + attempts(n)
}

// SinchSays is what Sinch's error answer says, for a diagnostic in the provider's own words: its message
// and field violations, or its HTTP status when it says nothing.
func SinchSays(e *client.APIError) string {
	var violations []string
	for _, v := range e.FieldViolations() {
		violations = append(violations, v.Field+": "+v.Description)
	}
	switch {
	case e.Message == "" && violations == nil:
		return fmt.Sprintf("HTTP %d", e.HTTPStatus)
	case violations == nil:
		return fmt.Sprintf("Sinch says %q", e.Message)
	default:
		return fmt.Sprintf("Sinch says %q (%s)", e.Message, strings.Join(violations, "; "))
	}
}
