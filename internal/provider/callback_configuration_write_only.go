package provider

import (
	"context"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/json"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// In write-only mode (hmac_secret_wo) Terraform keeps no value of the secret, so the resource keeps a
// salted digest of the last secret it wrote in private state. With it, a plan can tell that the
// configured secret is not the one written (rotation without a version bump), and a refresh can tell
// that Sinch holds another secret (drift), which it records in hmac_secret_wo_status.

const (
	privateDigestKey = "hmac_secret_wo_digest"

	// statusApplied: Sinch holds the secret this resource last wrote.
	statusApplied = "applied"
	// statusDrifted: a refresh found another secret at Sinch.
	statusDrifted = "drifted"
)

// secretDigest is HMAC-SHA256 of a secret keyed with a random salt of its own. Unlike a bare hash, it
// cannot be looked up in a precomputed table, and two resources with one secret store unlike digests.
type secretDigest struct {
	Salt   []byte `json:"salt"`
	Digest []byte `json:"hmac_sha256"`
}

func newSecretDigest(secret string) secretDigest {
	salt := make([]byte, 32)
	_, _ = rand.Read(salt) // never fails: crypto/rand panics rather than return an error
	return secretDigest{Salt: salt, Digest: digestOf(salt, secret)}
}

func (d secretDigest) matches(secret string) bool {
	return hmac.Equal(d.Digest, digestOf(d.Salt, secret))
}

func digestOf(salt []byte, secret string) []byte {
	mac := hmac.New(sha256.New, salt)
	mac.Write([]byte(secret))
	return mac.Sum(nil)
}

// privateState is what the resource uses of the framework's private state.
type privateState interface {
	GetKey(ctx context.Context, key string) ([]byte, diag.Diagnostics)
	SetKey(ctx context.Context, key string, value []byte) diag.Diagnostics
}

// loadDigest returns the digest kept in private state, or nil when there is none.
func loadDigest(ctx context.Context, private privateState) (*secretDigest, diag.Diagnostics) {
	raw, diags := private.GetKey(ctx, privateDigestKey)
	if diags.HasError() || len(raw) == 0 {
		return nil, diags
	}
	var d secretDigest
	if err := json.Unmarshal(raw, &d); err != nil || len(d.Salt) == 0 {
		// An unreadable digest only costs one unneeded write: the plan then sends the secret again.
		return nil, diags
	}
	return &d, diags
}

// storeDigest keeps d in private state; nil removes the digest.
func storeDigest(ctx context.Context, private privateState, d *secretDigest) diag.Diagnostics {
	if d == nil {
		return private.SetKey(ctx, privateDigestKey, nil)
	}
	raw, err := json.Marshal(d)
	if err != nil {
		var diags diag.Diagnostics
		diags.AddError("Could not record the secret's digest", err.Error())
		return diags
	}
	return private.SetKey(ctx, privateDigestKey, raw)
}

// writeOnlyPlan is what the plan of hmac_secret_wo_status depends on.
type writeOnlyPlan struct {
	configured            types.String // hmac_secret_wo
	version, priorVersion types.Number // hmac_secret_wo_version, configured and in state
	priorStatus           types.String // hmac_secret_wo_status in state: null on create and in plaintext mode
	digest                *secretDigest
}

// plannedWriteOnlyStatus is the hmac_secret_wo_status to plan in write-only mode. It differs from the
// prior status when hmac_secret_wo must be written, which makes the plan an update:
//   - on create, when the resource enters write-only mode, and after drift: "applied";
//   - with hmac_secret_wo_version set, also when the version changes (an update of its own) and at no
//     other time: the value alone writes nothing, since the standard pattern passes a value made anew
//     on every run (an ephemeral random password), and drift stays "drifted" until the version changes;
//   - without it, also when the configured secret is not the one last written: unknown ("known after
//     apply"), since "applied" would already be the prior value.
func plannedWriteOnlyStatus(p writeOnlyPlan) types.String {
	applied := types.StringValue(statusApplied)
	switch {
	case p.priorStatus.IsNull():
		return applied
	case !p.version.IsNull():
		if p.version.Equal(p.priorVersion) {
			return p.priorStatus
		}
		return applied
	case p.configured.IsUnknown():
		return types.StringUnknown()
	case p.priorStatus.ValueString() != statusApplied:
		return applied
	case p.digest != nil && p.digest.matches(p.configured.ValueString()):
		return p.priorStatus
	default:
		return types.StringUnknown()
	}
}

// oneSecretValidator requires exactly one of hmac_secret and hmac_secret_wo, and says which to use.
type oneSecretValidator struct{}

var _ resource.ConfigValidator = oneSecretValidator{}

func (v oneSecretValidator) Description(context.Context) string {
	return "exactly one of hmac_secret and hmac_secret_wo must be set"
}

func (v oneSecretValidator) MarkdownDescription(ctx context.Context) string {
	return v.Description(ctx)
}

func (v oneSecretValidator) ValidateResource(ctx context.Context, req resource.ValidateConfigRequest, resp *resource.ValidateConfigResponse) {
	var plain, writeOnly types.String
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("hmac_secret"), &plain)...)
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("hmac_secret_wo"), &writeOnly)...)
	if resp.Diagnostics.HasError() || plain.IsUnknown() || writeOnly.IsUnknown() {
		return
	}
	switch {
	case plain.IsNull() && writeOnly.IsNull():
		resp.Diagnostics.AddAttributeError(path.Root("hmac_secret_wo"), "Missing HMAC secret",
			"Set hmac_secret_wo (write-only, Terraform 1.11 and later: the secret is never stored in the plan or "+
				"the state), or hmac_secret (stored in state, hidden in plan output).")
	case !plain.IsNull() && !writeOnly.IsNull():
		resp.Diagnostics.AddAttributeError(path.Root("hmac_secret_wo"), "Conflicting HMAC secrets",
			"Set only one of hmac_secret_wo and hmac_secret: remove hmac_secret to keep the secret out of state, "+
				"or remove hmac_secret_wo to store it there.")
	}
}
