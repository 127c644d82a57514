package client

import (
	"encoding/json"
	"strings"
	"testing"
)

// FuzzDecodeCallbackConfiguration feeds arbitrary 200 answers to the decoder: it must not panic, and
// its error must never quote the answer, which may hold the secret.
func FuzzDecodeCallbackConfiguration(f *testing.F) {
	f.Add([]byte(`{"hmacSecret":"d1c7ccbf-919d-462f-8587-dec95a1b11ee","projectId":"p1"}`))
	f.Fuzz(func(t *testing.T, answer []byte) {
		cfg, err := decodeCallbackConfiguration(answer)
		if err != nil {
			if cfg != nil {
				t.Fatal("a configuration with an error")
			}
			if msg := err.Error(); msg != "it is not JSON of the documented shape" &&
				msg != "it is not a callback configuration with an hmacSecret" {
				t.Fatalf("the error says %q", msg)
			}
			return
		}
		var fields map[string]any
		if json.Unmarshal(answer, &fields) != nil {
			t.Fatalf("decoded %q, which is not a JSON object", answer)
		}
		if secret, ok := fields["hmacSecret"].(string); !ok || secret != cfg.HMACSecret {
			t.Fatalf("decoded %q as secret %q", answer, cfg.HMACSecret)
		}
	})
}

// FuzzAPIError feeds arbitrary error bodies to the decoder, with a secret that the body may quote:
// it must not panic, and no field of the error may hold the secret once redacted.
func FuzzAPIError(f *testing.F) {
	f.Add([]byte(`{"error":{"code":400,"status":"INVALID_ARGUMENT","message":"bad"}}`), "secret-value")
	f.Fuzz(func(t *testing.T, body []byte, secret string) {
		e := newAPIError("PUT", "/v1/projects/p1/callback-configuration", 400, body, 1)
		_ = e.Error()
		e.redact(secret)
		// A secret that could be formed from the redaction mark itself proves nothing.
		if len(secret) < 8 || strings.ContainsAny(secret, "()") || strings.Contains("(redacted)", secret) {
			return
		}
		fields := []string{e.Message}
		for _, d := range e.Details {
			fields = append(fields, d.Description, d.ResourceName)
			for _, v := range d.FieldViolations {
				fields = append(fields, v.Field, v.Description)
			}
		}
		for _, field := range fields {
			if strings.Contains(field, secret) {
				t.Fatalf("a field holds the secret after redaction: %q", field)
			}
		}
	})
}
