package shared

import (
	"context"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/json"

	"github.com/hashicorp/terraform-plugin-framework/diag"
)

// In write-only form Terraform keeps no value of a secret, so the resource keeps a salted digest of the
// last secret it wrote in private state. With it, a plan can tell that the configured secret is not
// the one written (rotation without a version bump), and a refresh can tell that Sinch holds another
// secret (drift).

// SecretDigest is HMAC-SHA256 of a secret keyed with a random salt of its own. Unlike a bare hash, it
// cannot be looked up in a precomputed table, and two resources with one secret store unlike digests.
type SecretDigest struct {
	Salt   []byte `json:"salt"`
	Digest []byte `json:"hmac_sha256"`
}

func newSecretDigest(secret string) SecretDigest {
	salt := make([]byte, 32)
	_, _ = rand.Read(salt) // never fails: crypto/rand panics rather than return an error
	return SecretDigest{Salt: salt, Digest: digestOf(salt, secret)}
}

func (d *SecretDigest) matches(secret string) bool {
	return d != nil && hmac.Equal(d.Digest, digestOf(d.Salt, secret))
}

func digestOf(salt []byte, secret string) []byte {
	mac := hmac.New(sha256.New, salt)
	mac.Write([]byte(secret))
	return mac.Sum(nil)
}

// PrivateState is what the resources use of the framework's private state.
type PrivateState interface {
	GetKey(ctx context.Context, key string) ([]byte, diag.Diagnostics)
	SetKey(ctx context.Context, key string, value []byte) diag.Diagnostics
}

// LoadDigest returns the digest kept in private state under key, or nil when there is none.
func LoadDigest(ctx context.Context, private PrivateState, key string) (*SecretDigest, diag.Diagnostics) {
	raw, diags := private.GetKey(ctx, key)
	if diags.HasError() || len(raw) == 0 {
		return nil, diags
	}
	var d SecretDigest
	if err := json.Unmarshal(raw, &d); err != nil || len(d.Salt) == 0 {
		// An unreadable digest is a lost one: see SecretArgument.Refresh.
		return nil, diags
	}
	return &d, diags
}

// StoreDigest keeps d in private state under key; nil removes the digest.
func StoreDigest(ctx context.Context, private PrivateState, key string, d *SecretDigest) diag.Diagnostics {
	if d == nil {
		return private.SetKey(ctx, key, nil)
	}
	raw, err := json.Marshal(d)
	if err != nil {
		var diags diag.Diagnostics
		diags.AddError("Could not record the secret's digest", err.Error())
		return diags
	}
	return private.SetKey(ctx, key, raw)
}
