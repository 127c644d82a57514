package shared

import (
	"context"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/diag"
)

// memoryPrivate is a private state in memory.
type memoryPrivate map[string][]byte

func (m memoryPrivate) GetKey(_ context.Context, key string) ([]byte, diag.Diagnostics) {
	return m[key], nil
}

func (m memoryPrivate) SetKey(_ context.Context, key string, value []byte) diag.Diagnostics {
	if len(value) == 0 {
		delete(m, key)
	} else {
		m[key] = value
	}
	return nil
}

const testDigestKey = "hmac_secret_wo_digest"

func TestSecretDigest_keepsNothingOfTheSecret(t *testing.T) {
	const secret = "d1c7ccbf-919d-462f-8587-dec95a1b11ee"
	private := memoryPrivate{}
	d := newSecretDigest(secret)
	if diags := StoreDigest(context.Background(), private, testDigestKey, &d); diags.HasError() {
		t.Fatal(diags)
	}
	raw := string(private[testDigestKey])

	var fields map[string]any
	if err := json.Unmarshal([]byte(raw), &fields); err != nil || len(fields) != 2 || fields["salt"] == nil || fields["hmac_sha256"] == nil {
		t.Errorf("private state holds %s, want only a salt and a digest", raw)
	}
	plain := sha256.Sum256([]byte(secret))
	for _, form := range []string{secret, hex.EncodeToString(plain[:]), base64.StdEncoding.EncodeToString(plain[:])} {
		if strings.Contains(raw, form) {
			t.Errorf("private state holds the secret or its unsalted hash: %s", raw)
		}
	}
	if other := newSecretDigest(secret); string(other.Digest) == string(d.Digest) {
		t.Error("two digests of one secret are alike: the salt is not random")
	}

	loaded, diags := LoadDigest(context.Background(), private, testDigestKey)
	if diags.HasError() || loaded == nil || !loaded.matches(secret) || loaded.matches(secret+"x") || loaded.matches("") {
		t.Errorf("the loaded digest does not tell the secret from others")
	}
	if StoreDigest(context.Background(), private, testDigestKey, nil); len(private) != 0 {
		t.Errorf("storing nil left %v", private)
	}
	if loaded, _ := LoadDigest(context.Background(), private, testDigestKey); loaded != nil {
		t.Error("a digest was loaded from empty private state")
	}
	private[testDigestKey] = []byte(`{"unexpected": true}`)
	if loaded, _ := LoadDigest(context.Background(), private, testDigestKey); loaded != nil {
		t.Error("an unreadable digest was loaded")
	}
}
