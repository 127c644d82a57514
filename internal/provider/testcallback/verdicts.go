package testcallback

import (
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/diag"
)

// The verdicts on the handler's answers: nil when it did what a handler of Sinch's callbacks must, else
// a diagnostic that names the URL, what it answered, what that means for the handler, and what to do.

// signedVerdict judges the answer to the signed callback, which the handler must accept with a 2xx.
func signedVerdict(t Test, a answer) diag.Diagnostic {
	url := DisplayURL(t.Target)
	switch a.kind() {
	case accepted:
		return nil
	case noAnswer:
		return diag.NewErrorDiagnostic("Callback handler did not answer", fmt.Sprintf(
			"%s gave no answer to a test %s callback: %s. Sinch's callbacks would get none either. Check that the handler "+
				"runs and that this machine can reach it; timeout (now %s) sets how long the test waits.",
			url, t.Event, noAnswerWords(a.err, t.Timeout), t.Timeout))
	case redirected:
		return redirectDiagnostic(t, a, "a test callback signed as Sinch signs it")
	case refused:
		return diag.NewErrorDiagnostic("Callback handler refused a signed callback", fmt.Sprintf(
			"%s answered HTTP %s to a test %s callback signed as Sinch signs it, with %s: it would refuse Sinch's callbacks "+
				"too. If the handler checks %s, check that it uses %s and compares %s; if it refuses for another reason (a "+
				"path it does not serve, an event it does not expect), make it answer 2xx to Sinch's callbacks.",
			url, a.status, t.Event, t.SecretIs, t.Scheme.Header, t.SecretIs, t.Scheme.Computed))
	default:
		return diag.NewErrorDiagnostic("Callback handler failed on a signed callback", fmt.Sprintf(
			"%s answered HTTP %s to a test %s callback signed as Sinch signs it: the handler failed, and would fail on "+
				"Sinch's callbacks. Look at the handler's logs for this request (its User-Agent says it is a test).",
			url, a.status, t.Event))
	}
}

// forgedVerdict judges the answer to the callback with a wrong signature, which the handler must refuse
// with a 4xx.
func forgedVerdict(t Test, a answer) diag.Diagnostic {
	url := DisplayURL(t.Target)
	verify := fmt.Sprintf("Make the handler compute %s, compare it with %s and refuse a mismatch with 401 or 403 (the guide "+
		"on verifying signatures shows how). To test a handler that cannot check signatures yet, set check_forged = false.",
		t.Scheme.Computed, t.Scheme.Header)
	switch a.kind() {
	case refused:
		return nil
	case accepted:
		return diag.NewErrorDiagnostic("Callback handler accepted a forged callback", fmt.Sprintf(
			"%s accepted a callback with a wrong signature (HTTP %s): it does not check %s, so anyone who knows its URL can "+
				"send it callbacks that pass for Sinch's. %s", url, a.status, t.Scheme.Header, verify))
	case noAnswer:
		return diag.NewErrorDiagnostic("Callback handler did not answer a forged callback", fmt.Sprintf(
			"%s gave no answer to a callback with a wrong signature: %s. A handler should refuse it at once. %s",
			url, noAnswerWords(a.err, t.Timeout), verify))
	case redirected:
		return redirectDiagnostic(t, a, "a callback with a wrong signature")
	default:
		return diag.NewErrorDiagnostic("Callback handler failed on a forged callback", fmt.Sprintf(
			"%s answered HTTP %s to a callback with a wrong signature, where it should refuse it with a 4xx: a 5xx says that "+
				"the handler failed, not that it refused the callback, and Sinch retries callbacks that fail. %s",
			url, a.status, verify))
	}
}

// redirectDiagnostic explains a redirect, which a test does not follow.
func redirectDiagnostic(t Test, a answer, what string) diag.Diagnostic {
	to := ", which names no Location"
	if a.location != "" {
		to = " to " + a.location
	}
	return diag.NewErrorDiagnostic("Callback handler redirected", fmt.Sprintf(
		"%s answered HTTP %s to %s, a redirect%s. A test does not follow redirects, which would carry the callback and its "+
			"signature elsewhere. Point %s at the handler's own URL.", DisplayURL(t.Target), a.status, what, to, t.TargetIs))
}

// notHTTPSDiagnostic refuses a target that a test does not send to.
func notHTTPSDiagnostic(t Test, err error) diag.Diagnostic {
	return diag.NewErrorDiagnostic("Callback handler not https", fmt.Sprintf(
		"No test callback was sent: %s. Give %s an https URL, or run the handler on this machine.", err, t.TargetIs))
}
