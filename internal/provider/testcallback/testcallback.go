// Package testcallback sends a handler a test callback as Sinch sends one, and checks its answers: a
// sample event, signed with the secret Sinch holds (shared.CallbackSignature or
// shared.WebhookSignature), with a bearer token when the webhook has client credentials, which the
// handler must accept; then, unless told not to, the same event with a wrong signature, which it must
// refuse. The actions sinch_send_test_webhook (package webhooks) and sinch_send_test_callback (package
// callbackconfig) read what to send from Sinch and hand it to Test.Run; everything else is here.
package testcallback

import (
	"context"
	"crypto/rand"
	"fmt"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/action"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/terraform-sinch/terraform-provider-sinch/internal/provider/shared"
)

// Test is one test of a callback handler.
type Test struct {
	// Target is the handler's URL.
	Target string
	// TargetIs names the target in advice, such as `the target of webhook "w"` or "url".
	TargetIs string
	// Event names the sample, such as "MESSAGE_DELIVERY" or "Numbers API".
	Event string
	Body  []byte
	// Scheme is how Sinch signs these callbacks; Secret is the secret it signs them with, and SecretIs
	// names it in advice, such as "the webhook's secret".
	Scheme   Scheme
	Secret   string
	SecretIs string
	// Credentials, when not nil, are the OAuth2 client credentials with which Sinch fetches a token
	// that each callback carries as a bearer token.
	Credentials *Credentials
	Options
	// UserAgent names the provider; the test's requests add that they are a test.
	UserAgent string
	// Progress says what is happening as it happens (an action's SendProgress); nil says nothing.
	Progress func(message string)
	// LogContext masks the secrets in the log entries made with the context it returns
	// (shared.ProviderData.LogContext); nil masks nothing.
	LogContext func(ctx context.Context, secrets ...string) context.Context
}

// Options are what the person who runs the test chooses.
type Options struct {
	// CheckForged sends the forged callback after the signed one.
	CheckForged bool
	// Timeout is how long the handler and the token endpoint have to answer each request.
	Timeout time.Duration
}

// Run sends the signed callback, then the forged one, and says why the handler fails the test, if it
// does. No secret or token is in a diagnostic, a progress message or a log entry, nor a signature in a
// diagnostic or a progress message; the TRACE entry of each request shows its headers, signature included,
// which signs only this sample (a fresh event ID, nonce and timestamp) and cannot serve for another.
func (t Test) Run(ctx context.Context) diag.Diagnostics {
	var diags diag.Diagnostics
	secrets := []string{t.Secret}
	if t.Credentials != nil {
		secrets = append(secrets, t.Credentials.ClientSecret)
	}
	ctx = t.logContext(ctx, secrets...)
	if err := CheckTarget(t.Target); err != nil {
		diags.Append(notHTTPSDiagnostic(t, err))
		return diags
	}
	client := newHTTPClient(t.Timeout)

	var bearer string
	if t.Credentials != nil {
		token, d := t.fetchToken(ctx, client)
		if d != nil {
			diags.Append(d)
			return diags
		}
		bearer = token
		ctx = t.logContext(ctx, token)
	}

	t.say(ctx, "Sending a test %s callback, signed as Sinch signs it (%s), to %s", t.Event, t.Scheme.Header, DisplayURL(t.Target))
	signed := t.send(ctx, client, t.Secret, bearer)
	t.say(ctx, "%s", signed.words(t.Target))
	if d := signedVerdict(t, signed); d != nil {
		diags.Append(d)
		return diags
	}
	if !t.CheckForged {
		t.say(ctx, "Passed: %s accepted the signed callback. check_forged is false, so no forged callback was sent.", DisplayURL(t.Target))
		return diags
	}

	// A secret of its own makes a signature of the right form that is wrong, which a handler that only
	// looks for the header accepts; the scheme's fresh nonce keeps a handler that refuses a replayed
	// nonce from passing for that reason.
	t.say(ctx, "Sending the same callback with a wrong %s to %s", t.Scheme.Header, DisplayURL(t.Target))
	forged := t.send(ctx, client, "forged-"+rand.Text(), bearer)
	t.say(ctx, "%s", forged.words(t.Target))
	if d := forgedVerdict(t, forged); d != nil {
		diags.Append(d)
		return diags
	}
	t.say(ctx, "Passed: %s accepted the signed callback and refused the forged one.", DisplayURL(t.Target))
	return diags
}

// say sends a progress message, and logs it.
func (t Test) say(ctx context.Context, format string, args ...any) {
	message := fmt.Sprintf(format, args...)
	tflog.Info(ctx, message)
	if t.Progress != nil {
		t.Progress(message)
	}
}

func (t Test) logContext(ctx context.Context, secrets ...string) context.Context {
	if t.LogContext == nil {
		return ctx
	}
	return t.LogContext(ctx, secrets...)
}

// Invoke runs the test for an action: with the provider's User-Agent and log masks, its progress sent to
// Terraform as it happens, and its diagnostics added to the action's.
func (t Test) Invoke(ctx context.Context, d *shared.ProviderData, resp *action.InvokeResponse) {
	t.UserAgent, t.LogContext, t.Progress = d.UserAgent, d.LogContext, ProgressOf(resp)
	resp.Diagnostics.Append(t.Run(ctx)...)
}

// ProgressOf sends an action's progress messages to Terraform, which shows them as they come.
func ProgressOf(resp *action.InvokeResponse) func(message string) {
	return func(message string) { resp.SendProgress(action.InvokeProgressEvent{Message: message}) }
}
