package callbackconfig

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/terraform-sinch/terraform-provider-sinch/internal/client"
	"github.com/terraform-sinch/terraform-provider-sinch/internal/provider/shared"
	"github.com/terraform-sinch/terraform-provider-sinch/internal/sinchmock"
)

// TestAPIErrorDiagnostics_holdNoSecret feeds the diagnostics with the errors of servers that echo the
// secrets back in every way they could, and checks what the user would read.
func TestAPIErrorDiagnostics_holdNoSecret(t *testing.T) {
	const hmacSecret = "hmac-secret-echoed-9f3"
	tokens := sinchmock.New(sinchmock.Options{KeyID: testKeyID, KeySecret: testKeySecret}).Handler(sinchmock.SenderID)
	answers := map[string]func(w http.ResponseWriter){
		"400 quoting the secret": func(w http.ResponseWriter) {
			w.WriteHeader(400)
			fmt.Fprintf(w, `{"error":{"code":400,"status":"INVALID_ARGUMENT","message":"bad %s","details":[{"type":"BadRequest","fieldViolations":[{"field":"hmacSecret","description":"%s is weak"}]}]}}`, hmacSecret, hmacSecret)
		},
		"HTML page quoting the secret": func(w http.ResponseWriter) {
			w.WriteHeader(502)
			fmt.Fprintf(w, "<html>%s %s</html>", hmacSecret, testKeySecret)
		},
		"200 of the wrong shape": func(w http.ResponseWriter) {
			fmt.Fprintf(w, `{"hmacSecret": {"value": %q}}`, hmacSecret)
		},
		"token endpoint quoting the key": nil,
	}
	for name, answer := range answers {
		t.Run(name, func(t *testing.T) {
			server := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				switch {
				case r.URL.Path == sinchmock.TokenPath && answer == nil:
					w.WriteHeader(401)
					fmt.Fprintf(w, `{"error":"invalid_client","error_description":"key %s refused"}`, testKeySecret)
				case r.URL.Path == sinchmock.TokenPath:
					tokens.ServeHTTP(w, r)
				default:
					answer(w)
				}
			}))
			defer server.Close()
			c, err := client.New(client.Config{TokenURL: server.URL + sinchmock.TokenPath, KeyID: testKeyID, KeySecret: testKeySecret})
			if err != nil {
				t.Fatal(err)
			}
			calls, err := c.CallbackConfigurations(senderIDAPI.CallbackAPI, server.URL)
			if err != nil {
				t.Fatal(err)
			}
			_, err = calls.Update(context.Background(), "p1", hmacSecret)
			if err == nil {
				t.Fatal("no error")
			}
			d := shared.APIErrorDiagnostic(senderIDAPI.subject("p1", nil), "set", err)
			text := d.Summary() + "\n" + d.Detail()
			if !strings.Contains(text, `Sinch project "p1"`) && !strings.Contains(text, `project "p1"`) {
				t.Errorf("the diagnostic does not name the project:\n%s", text)
			}
			for _, secret := range []string{hmacSecret, testKeySecret} {
				if strings.Contains(text, secret) || strings.Contains(err.Error(), secret) {
					t.Errorf("a secret reached the error:\n%s", text)
				}
			}
		})
	}
}

// A token endpoint that times out, is rate limiting or is down says "try again", never that the key was
// refused: only a 4xx other than 408 and 429 is.
func TestTokenDiagnostics(t *testing.T) {
	for status, want := range map[int]string{
		http.StatusRequestTimeout:     "Sinch's token endpoint is unavailable",
		http.StatusTooManyRequests:    "Sinch's token endpoint is unavailable",
		http.StatusServiceUnavailable: "Sinch's token endpoint is unavailable",
		http.StatusUnauthorized:       "Sinch refused the access key",
		http.StatusBadRequest:         "Sinch refused the access key",
	} {
		d := shared.APIErrorDiagnostic(senderIDAPI.subject("p1", nil), "read", &client.TokenError{TokenURL: "https://auth.example/token", HTTPStatus: status})
		if d.Summary() != want {
			t.Errorf("HTTP %d: %q, want %q", status, d.Summary(), want)
		}
	}
}
