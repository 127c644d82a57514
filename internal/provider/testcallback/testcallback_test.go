package testcallback_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/diag"

	"github.com/terraform-sinch/terraform-provider-sinch/internal/acctest"
	"github.com/terraform-sinch/terraform-provider-sinch/internal/provider/testcallback"
)

const (
	secret       = "handler-secret-6f1d2c"
	clientSecret = "client-secret-9a8b7c"
)

// schemes are the two ways Sinch signs, each with a handler's check of it.
var schemes = []struct {
	name   string
	scheme testcallback.Scheme
	verify func(string) func(*http.Request, []byte) bool
}{
	{"webhook", testcallback.WebhookSignatureScheme, acctest.VerifyWebhookSignature},
	{"callback", testcallback.CallbackSignatureScheme, acctest.VerifyCallbackSignature},
}

// newTest is a test of the handler at target, with the scheme and the secret.
func newTest(target string, scheme testcallback.Scheme) testcallback.Test {
	return testcallback.Test{Target: target, TargetIs: "url", Event: "MESSAGE_DELIVERY", Body: []byte(`{"event":"test"}`),
		Scheme: scheme, Secret: secret, SecretIs: "the webhook's secret", UserAgent: "terraform-provider-sinch/test",
		Options: testcallback.Options{CheckForged: true, Timeout: 5 * time.Second}}
}

// run runs a test and returns its diagnostics and progress messages, after checking that neither holds
// a secret, the client secret or a token the handler issued.
func run(t *testing.T, test testcallback.Test, h *acctest.CallbackHandler) (diag.Diagnostics, []string) {
	t.Helper()
	var progress []string
	test.Progress = func(message string) { progress = append(progress, message) }
	diags := test.Run(context.Background())
	said := strings.Join(progress, "\n")
	for _, d := range diags {
		said += "\n" + d.Summary() + "\n" + d.Detail()
	}
	secrets := []string{secret, clientSecret}
	if h != nil {
		secrets = append(secrets, h.Tokens()...)
	}
	for _, s := range secrets {
		if strings.Contains(said, s) {
			t.Errorf("a diagnostic or progress message holds a secret (%.8s…):\n%s", s, said)
		}
	}
	return diags, progress
}

// expectError fails unless diags is one error with the summary, whose detail says each phrase.
func expectError(t *testing.T, diags diag.Diagnostics, summary string, phrases ...string) {
	t.Helper()
	if len(diags) != 1 || diags[0].Severity() != diag.SeverityError || diags[0].Summary() != summary {
		t.Fatalf("diagnostics %v, want one error %q", diags, summary)
	}
	for _, phrase := range phrases {
		if !strings.Contains(diags[0].Detail(), phrase) {
			t.Errorf("the error does not say %q:\n%s", phrase, diags[0].Detail())
		}
	}
}

// A handler that checks signatures passes, in both schemes: it accepts the signed callback (whose
// signature is valid, whose body and headers are the test's) and refuses the forged one; the progress
// messages say each step.
func TestRun_handlerThatChecksSignatures(t *testing.T) {
	for _, s := range schemes {
		t.Run(s.name, func(t *testing.T) {
			h := acctest.NewCallbackHandler(t, s.verify(secret), acctest.ChecksSignatures)
			test := newTest(h.CallbackURL(), s.scheme)
			diags, progress := run(t, test, h)
			if diags.HasError() {
				t.Fatalf("diagnostics: %v", diags)
			}
			h.ExpectAnswers(t, http.StatusOK, http.StatusUnauthorized)
			callbacks := h.Callbacks()
			for _, c := range callbacks {
				if string(c.Body) != string(test.Body) || c.Header.Get("Content-Type") != "application/json" ||
					c.Header.Get("User-Agent") != "terraform-provider-sinch/test (a test callback, not sent by Sinch)" {
					t.Errorf("callback %s with headers %v", c.Body, c.Header)
				}
			}
			if !callbacks[0].SignatureValid || callbacks[1].SignatureValid || callbacks[1].Header.Get(s.scheme.Header) == "" {
				t.Errorf("signatures: the first valid %v, the second valid %v (%q)", callbacks[0].SignatureValid,
					callbacks[1].SignatureValid, callbacks[1].Header.Get(s.scheme.Header))
			}
			url := h.CallbackURL()
			want := []string{"Sending a test MESSAGE_DELIVERY callback, signed as Sinch signs it (" + s.scheme.Header + "), to " + url,
				url + " answered HTTP 200 OK in ", "Sending the same callback with a wrong " + s.scheme.Header + " to " + url,
				url + " answered HTTP 401 Unauthorized in ", "Passed: " + url + " accepted the signed callback and refused the forged one."}
			if len(progress) != len(want) {
				t.Fatalf("progress %q, want %d messages", progress, len(want))
			}
			for i := range want {
				if !strings.HasPrefix(progress[i], want[i]) {
					t.Errorf("progress message %d is %q, want %q…", i, progress[i], want[i])
				}
			}
		})
	}
}

// The forged callback of the webhook scheme has a nonce of its own: a handler that refuses a nonce it
// has seen would otherwise refuse it for that, whatever its check of the signature.
func TestRun_forgedCallbackHasAFreshNonce(t *testing.T) {
	h := acctest.NewCallbackHandler(t, acctest.VerifyWebhookSignature(secret), acctest.ChecksSignatures)
	if diags, _ := run(t, newTest(h.CallbackURL(), testcallback.WebhookSignatureScheme), h); diags.HasError() {
		t.Fatal(diags)
	}
	callbacks := h.Callbacks()
	nonce := func(i int) string { return callbacks[i].Header.Get(testcallback.WebhookSignatureNonceHeader) }
	if len(callbacks) != 2 || nonce(0) == "" || nonce(0) == nonce(1) {
		t.Errorf("nonces %q and %q", nonce(0), nonce(1))
	}
}

// A handler that accepts everything fails, for what it accepted forged; with check_forged = false it
// passes, and gets no forged callback.
func TestRun_handlerThatAcceptsEverything(t *testing.T) {
	for _, s := range schemes {
		t.Run(s.name, func(t *testing.T) {
			h := acctest.NewCallbackHandler(t, s.verify(secret), acctest.AcceptsEverything)
			diags, _ := run(t, newTest(h.CallbackURL(), s.scheme), h)
			expectError(t, diags, "Callback handler accepted a forged callback", h.CallbackURL(), "HTTP 200 OK",
				"accepted a callback with a wrong signature", "it does not check "+s.scheme.Header, "check_forged = false")
			h.ExpectAnswers(t, http.StatusOK, http.StatusOK)

			h = acctest.NewCallbackHandler(t, s.verify(secret), acctest.AcceptsEverything)
			test := newTest(h.CallbackURL(), s.scheme)
			test.CheckForged = false
			diags, progress := run(t, test, h)
			if diags.HasError() {
				t.Fatal(diags)
			}
			h.ExpectAnswers(t, http.StatusOK)
			if last := progress[len(progress)-1]; !strings.Contains(last, "check_forged is false, so no forged callback was sent") {
				t.Errorf("the last progress message is %q", last)
			}
		})
	}
}

// A handler that refuses the signed callback (it checks with another secret) fails, and gets no
// forged callback.
func TestRun_handlerWithAnotherSecret(t *testing.T) {
	for _, s := range schemes {
		t.Run(s.name, func(t *testing.T) {
			h := acctest.NewCallbackHandler(t, s.verify("another-secret"), acctest.ChecksSignatures)
			diags, _ := run(t, newTest(h.CallbackURL(), s.scheme), h)
			expectError(t, diags, "Callback handler refused a signed callback", h.CallbackURL(), "HTTP 401 Unauthorized",
				"it would refuse Sinch's callbacks too", "check that it uses the webhook's secret", s.scheme.Computed)
			h.ExpectAnswers(t, http.StatusUnauthorized)
		})
	}
}

// A 5xx is a failure of the handler, for the signed callback and for the forged one, which it should
// refuse with a 4xx.
func TestRun_handlerThatFails(t *testing.T) {
	h := acctest.NewCallbackHandler(t, acctest.VerifyWebhookSignature(secret), func(bool) int { return http.StatusInternalServerError })
	diags, _ := run(t, newTest(h.CallbackURL(), testcallback.WebhookSignatureScheme), h)
	expectError(t, diags, "Callback handler failed on a signed callback", h.CallbackURL(), "HTTP 500 Internal Server Error")

	h = acctest.NewCallbackHandler(t, acctest.VerifyWebhookSignature(secret), func(valid bool) int {
		if valid {
			return http.StatusOK
		}
		return http.StatusBadGateway
	})
	diags, _ = run(t, newTest(h.CallbackURL(), testcallback.WebhookSignatureScheme), h)
	expectError(t, diags, "Callback handler failed on a forged callback", "HTTP 502 Bad Gateway", "should refuse it with a 4xx")
}

// A redirect is not followed: it fails, naming where it pointed, and nothing reaches that place.
func TestRun_redirectIsNotFollowed(t *testing.T) {
	elsewhere := acctest.NewCallbackHandler(t, acctest.VerifyWebhookSignature(secret), acctest.AcceptsEverything)
	redirect := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, elsewhere.CallbackURL(), http.StatusTemporaryRedirect)
	}))
	t.Cleanup(redirect.Close)
	diags, _ := run(t, newTest(redirect.URL+"/callbacks", testcallback.WebhookSignatureScheme), elsewhere)
	expectError(t, diags, "Callback handler redirected", "HTTP 307 Temporary Redirect", "a redirect to "+elsewhere.Listener.Addr().String(),
		"Point url at the handler's own URL")
	elsewhere.ExpectAnswers(t)
}

// A handler that answers after the timeout, or a port where none listens, fails with what happened.
func TestRun_noAnswer(t *testing.T) {
	release := make(chan struct{})
	slow := httptest.NewServer(http.HandlerFunc(func(http.ResponseWriter, *http.Request) { <-release }))
	t.Cleanup(slow.Close)
	t.Cleanup(func() { close(release) }) // before Close, which waits for the handler
	test := newTest(slow.URL, testcallback.WebhookSignatureScheme)
	test.Timeout = 200 * time.Millisecond
	diags, _ := run(t, test, nil)
	expectError(t, diags, "Callback handler did not answer", slow.URL, "none within 200ms", "timeout (now 200ms)")

	closed := httptest.NewServer(http.NotFoundHandler())
	closed.Close()
	diags, _ = run(t, newTest(closed.URL, testcallback.WebhookSignatureScheme), nil)
	expectError(t, diags, "Callback handler did not answer", "the connection was refused")
}

// A target that is not https is refused unless its host is a loopback address, before any request.
func TestRun_plainHTTPOnlyOnLoopback(t *testing.T) {
	diags, progress := run(t, newTest("http://handler.example/callbacks?token=abc", testcallback.WebhookSignatureScheme), nil)
	expectError(t, diags, "Callback handler not https", "No test callback was sent", "http://handler.example/callbacks?(query hidden)",
		"uses plain http to handler.example, which is not a loopback address")
	if len(progress) != 0 || strings.Contains(diags[0].Detail(), "abc") {
		t.Errorf("progress %q; the query in %q", progress, diags[0].Detail())
	}
}

func TestCheckTarget(t *testing.T) {
	for target, ok := range map[string]bool{
		"https://handler.example/callbacks": true,
		"http://127.0.0.1:8080/callbacks":   true,
		"http://127.45.6.7/callbacks":       true,
		"http://[::1]:8080/callbacks":       true,
		"http://localhost/callbacks":        true,
		"http://handler.example/callbacks":  false,
		"http://localhost.example/":         false,
		"http://10.0.0.1/callbacks":         false,
		"http://[::2]/":                     false,
		"ftp://handler.example/":            false,
		"/callbacks":                        false,
		"https://":                          false,
	} {
		if err := testcallback.CheckTarget(target); (err == nil) != ok {
			t.Errorf("CheckTarget(%q) = %v, want accepted %v", target, err, ok)
		}
	}
}

func TestDisplayURL(t *testing.T) {
	for raw, want := range map[string]string{
		"https://handler.example/callbacks":               "https://handler.example/callbacks",
		"https://user:pass-2f1c@handler.example/cb?k=v#f": "https://user:xxxxx@handler.example/cb?(query hidden)",
		"http://127.0.0.1:80/cb?":                         "http://127.0.0.1:80/cb?(query hidden)",
	} {
		if got := testcallback.DisplayURL(raw); got != want {
			t.Errorf("DisplayURL(%q) = %q, want %q", raw, got, want)
		}
	}
}
