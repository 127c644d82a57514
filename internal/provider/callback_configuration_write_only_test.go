package provider

import (
	"context"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"
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

func TestSecretDigest_keepsNothingOfTheSecret(t *testing.T) {
	const secret = "d1c7ccbf-919d-462f-8587-dec95a1b11ee"
	private := memoryPrivate{}
	d := newSecretDigest(secret)
	if diags := storeDigest(context.Background(), private, &d); diags.HasError() {
		t.Fatal(diags)
	}
	raw := string(private[privateDigestKey])

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

	loaded, diags := loadDigest(context.Background(), private)
	if diags.HasError() || loaded == nil || !loaded.matches(secret) || loaded.matches(secret+"x") || loaded.matches("") {
		t.Errorf("the loaded digest does not tell the secret from others")
	}
	if storeDigest(context.Background(), private, nil); len(private) != 0 {
		t.Errorf("storing nil left %v", private)
	}
	if loaded, _ := loadDigest(context.Background(), private); loaded != nil {
		t.Error("a digest was loaded from empty private state")
	}
	private[privateDigestKey] = []byte(`{"unexpected": true}`)
	if loaded, _ := loadDigest(context.Background(), private); loaded != nil {
		t.Error("an unreadable digest was loaded")
	}
}

func TestPlannedWriteOnlyStatus(t *testing.T) {
	digest := newSecretDigest("written")
	applied, drifted := types.StringValue(statusApplied), types.StringValue(statusDrifted)
	for name, tc := range map[string]struct {
		configured, prior types.String
		digest            *secretDigest
		want              types.String
	}{
		"the secret last written":        {types.StringValue("written"), applied, &digest, applied},
		"another secret":                 {types.StringValue("rotated"), applied, &digest, types.StringUnknown()},
		"no digest":                      {types.StringValue("written"), applied, nil, types.StringUnknown()},
		"drift":                          {types.StringValue("written"), drifted, &digest, applied},
		"create or switch to write-only": {types.StringValue("written"), types.StringNull(), nil, applied},
		"secret known after apply":       {types.StringUnknown(), applied, &digest, types.StringUnknown()},
	} {
		if got := plannedWriteOnlyStatus(tc.configured, tc.prior, tc.digest); !got.Equal(tc.want) {
			t.Errorf("%s: got %s, want %s", name, got, tc.want)
		}
	}
}
