package provider

import (
	"context"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"math/big"
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
	applied, drifted, unknown := types.StringValue(statusApplied), types.StringValue(statusDrifted), types.StringUnknown()
	written, rotated := types.StringValue("written"), types.StringValue("rotated")
	noVersion, v1, v2 := types.NumberNull(), types.NumberValue(big.NewFloat(1)), types.NumberValue(big.NewFloat(2.5))
	for name, tc := range map[string]struct {
		plan writeOnlyPlan
		want types.String
	}{
		// Without hmac_secret_wo_version, the digest decides.
		"the secret last written":        {writeOnlyPlan{written, noVersion, noVersion, applied, &digest}, applied},
		"another secret":                 {writeOnlyPlan{rotated, noVersion, noVersion, applied, &digest}, unknown},
		"no digest":                      {writeOnlyPlan{written, noVersion, noVersion, applied, nil}, unknown},
		"drift":                          {writeOnlyPlan{written, noVersion, noVersion, drifted, &digest}, applied},
		"create or switch to write-only": {writeOnlyPlan{written, noVersion, noVersion, types.StringNull(), nil}, applied},
		"secret known after apply":       {writeOnlyPlan{unknown, noVersion, noVersion, applied, &digest}, unknown},
		"version removed":                {writeOnlyPlan{written, noVersion, v1, applied, &digest}, applied},
		// With it, the version decides, whatever the value.
		"version kept, another secret":        {writeOnlyPlan{rotated, v1, v1, applied, &digest}, applied},
		"version kept, secret after apply":    {writeOnlyPlan{unknown, v1, v1, applied, &digest}, applied},
		"version kept, drift":                 {writeOnlyPlan{written, v1, v1, drifted, &digest}, drifted},
		"version changed after drift":         {writeOnlyPlan{rotated, v2, v1, drifted, &digest}, applied},
		"version changed":                     {writeOnlyPlan{written, v2, v1, applied, &digest}, applied},
		"version added":                       {writeOnlyPlan{rotated, v1, noVersion, applied, &digest}, applied},
		"version known after apply":           {writeOnlyPlan{written, types.NumberUnknown(), v1, drifted, &digest}, applied},
		"create with a version":               {writeOnlyPlan{rotated, v1, noVersion, types.StringNull(), nil}, applied},
		"switch to write-only with a version": {writeOnlyPlan{rotated, v1, v1, types.StringNull(), nil}, applied},
	} {
		if got := plannedWriteOnlyStatus(tc.plan); !got.Equal(tc.want) {
			t.Errorf("%s: got %s, want %s", name, got, tc.want)
		}
	}
}
