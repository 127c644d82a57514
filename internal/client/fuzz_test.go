package client

import (
	"encoding/json"
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzDecodeCallbackConfiguration feeds arbitrary 200 answers to the decoder: it must not panic, must
// take only a JSON object whose projectId and hmacSecret are each a string, null or absent, and its
// error must never quote the answer, which may hold the secret.
func FuzzDecodeCallbackConfiguration(f *testing.F) {
	f.Add([]byte(`{"hmacSecret":"d1c7ccbf-919d-462f-8587-dec95a1b11ee","projectId":"p1"}`))
	f.Fuzz(func(t *testing.T, answer []byte) {
		projectID, secret, err := decodeCallbackConfiguration(answer)
		if err != nil {
			if projectID != "" || secret != nil {
				t.Fatal("a configuration with an error")
			}
			if msg := err.Error(); msg != "it is not JSON of the documented shape" {
				t.Fatalf("the error says %q", msg)
			}
			return
		}
		var fields map[string]any
		if json.Unmarshal(answer, &fields) != nil || fields == nil {
			t.Fatalf("decoded %q, which is not a JSON object", answer)
		}
		switch want := fields["hmacSecret"].(type) {
		case string:
			if secret == nil || *secret != want {
				t.Fatalf("decoded %q as secret %v", answer, secret)
			}
		case nil:
			if secret != nil {
				t.Fatalf("decoded %q, which names no secret, as secret %q", answer, *secret)
			}
		default:
			t.Fatalf("decoded %q, whose hmacSecret is not a string", answer)
		}
		if want, _ := fields["projectId"].(string); want != projectID {
			t.Fatalf("decoded %q as project %q", answer, projectID)
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
		// A short secret is hidden only where it stands as a word (TestRedact), and one that could be
		// formed from the redaction mark itself proves nothing.
		if utf8.RuneCountInString(secret) < minEmbeddedRedaction || strings.ContainsAny(secret, "()") ||
			strings.Contains(redactedMark, secret) {
			return
		}
		fields := []string{e.Status, e.Message}
		for _, d := range e.Details {
			fields = append(fields, d.Type, d.ResourceType, d.ResourceName, d.Description)
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
