package shared

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// SecretArgument is a secret that a resource sets at Sinch, in one of two forms: plaintext (NAME,
// sensitive, stored in state) or write-only (NAME_wo, never stored, with NAME_wo_version saying when to
// write it), and NAME_wo_status, which makes a write-only change visible in a plan. One implementation
// serves every secret of every resource type: the digest, the rules of secretRules, the status and the
// warnings.
type SecretArgument struct {
	// Parent is the nested attribute that holds the secret, or path.Empty() at the top level; Name is
	// the plaintext attribute's name, such as "hmac_secret".
	Parent path.Path
	Name   string
	// NeverAnswered marks a secret that Sinch never answers (the Provisioning API's webhooks): no read
	// can tell which one Sinch holds, so the status of a secret written is "written", a claim of what
	// Terraform did, where it is "applied" (what Sinch holds) otherwise, and it is never "drifted".
	NeverAnswered bool
}

// applied is the status of a secret that was written: "applied", or "written" when Sinch never answers it.
func (s SecretArgument) applied() string {
	if s.NeverAnswered {
		return statusWritten
	}
	return statusApplied
}

// Plain, WriteOnly, Version and Status are the paths of the secret's attributes: NAME, NAME_wo,
// NAME_wo_version and NAME_wo_status.

func (s SecretArgument) Plain() path.Path     { return s.Parent.AtName(s.Name) }
func (s SecretArgument) WriteOnly() path.Path { return s.Parent.AtName(s.Name + "_wo") }
func (s SecretArgument) Version() path.Path   { return s.Parent.AtName(s.Name + "_wo_version") }
func (s SecretArgument) Status() path.Path    { return s.Parent.AtName(s.Name + "_wo_status") }

// DigestKey is the key of the digest in private state.
func (s SecretArgument) DigestKey() string { return s.Name + "_wo_digest" }

// Present tells whether the object holding the secret is there: always at the top level, and only when
// the nested attribute is set and known otherwise.
func (s SecretArgument) Present(ctx context.Context, from AttributeGetter, diags *diag.Diagnostics) bool {
	present, _ := s.Presence(ctx, from, diags)
	return present
}

// Presence tells whether the object holding the secret is there (see Present), and whether that is not
// known yet: a nested attribute whose value is decided at apply (a condition, another resource's
// output), which a plan leaves unknown.
func (s SecretArgument) Presence(ctx context.Context, from AttributeGetter, diags *diag.Diagnostics) (present, unknown bool) {
	if len(s.Parent.Steps()) == 0 {
		return true, false
	}
	null, unknown := nullOrUnknownAt(ctx, from, s.Parent, diags)
	return !null && !unknown, unknown
}

// Configured returns the configured secret and whether it is in write-only form; null when neither
// form is set.
func (s SecretArgument) Configured(ctx context.Context, config AttributeGetter, diags *diag.Diagnostics) (types.String, bool) {
	if writeOnly := GetStringAt(ctx, config, s.WriteOnly(), diags); !writeOnly.IsNull() {
		return writeOnly, true
	}
	return GetStringAt(ctx, config, s.Plain(), diags), false
}

// CaseOf gathers what decides the secret's plan from the configuration and the prior state with its
// private state; existing says that there is a prior state (not on create).
func (s SecretArgument) CaseOf(ctx context.Context, config, prior AttributeGetter, existing bool, private PrivateState, moved bool, diags *diag.Diagnostics) SecretCase {
	configured, writeOnly := s.Configured(ctx, config, diags)
	c := SecretCase{existing: existing, moved: moved, WriteOnly: writeOnly, Configured: configured, neverAnswered: s.NeverAnswered,
		version: getNumberAt(ctx, config, s.Version(), diags), priorStatus: types.StringNull(), priorVersion: types.NumberNull()}
	if !c.existing {
		return c
	}
	c.priorStatus = GetStringAt(ctx, prior, s.Status(), diags)
	c.priorVersion = getNumberAt(ctx, prior, s.Version(), diags)
	if moved || configured.IsUnknown() {
		return c
	}
	switch {
	case c.priorStatus.IsNull():
		c.Held = GetStringAt(ctx, prior, s.Plain(), diags).Equal(configured)
	case c.priorStatus.ValueString() == s.applied() && !configured.IsNull():
		digest, digestDiags := LoadDigest(ctx, private, s.DigestKey())
		diags.Append(digestDiags...)
		c.Held = digest.matches(configured.ValueString())
	}
	return c
}

// PlanInput is what a plan reads, through views (see attribute_view.go): the configuration, the prior
// state (Existing says it is not null) with its private state, and the plan as proposed.
type PlanInput struct {
	Config, State, Plan *View
	Existing            bool
	Private             PrivateState
}

// NewPlanInput is the input of a ModifyPlan request.
func NewPlanInput(req resource.ModifyPlanRequest) PlanInput {
	return PlanInput{Config: ViewOf(req.Config.Raw), State: ViewOf(req.State.Raw), Plan: ViewOf(req.Plan.Raw),
		Existing: !req.State.Raw.IsNull(), Private: req.Private}
}

// Plan plans the secret's status and gives its warnings, in ModifyPlan of a resource that is not being
// destroyed. moved says that the secret's object changed or is not known yet; about names the object
// in messages, such as `for project "p" in the Numbers API`.
func (s SecretArgument) Plan(ctx context.Context, in PlanInput, resp *resource.ModifyPlanResponse, moved bool, about string) {
	diags := &resp.Diagnostics
	c := s.CaseOf(ctx, in.Config, in.State, in.Existing, in.Private, moved, diags)
	if diags.HasError() {
		return
	}
	at := s.Plain()
	if c.WriteOnly {
		at = s.WriteOnly()
	}
	if !c.Configured.IsNull() && !c.Configured.IsUnknown() {
		diags.Append(secretValueWarnings(at, c.Configured.ValueString())...)
	}
	if s.Present(ctx, in.Plan, diags) {
		diags.Append(resp.Plan.SetAttribute(ctx, s.Status(), c.plannedStatus())...)
	}
	if !c.existing || moved || c.Configured.IsNull() {
		return
	}
	priorPlain := GetStringAt(ctx, in.State, s.Plain(), diags)
	if !c.WriteOnly && !c.priorStatus.IsNull() {
		action := "sends it to Sinch again and stores it in state"
		if c.Held {
			action = "stores it in state without sending it, as Sinch holds it"
		}
		diags.AddAttributeWarning(at, "Secret moves into the state", fmt.Sprintf(
			"The state holds the secret %s in write-only form (imported with %q, or set with %s before), and the "+
				"configuration sets %s: the apply %s. To keep the secret out of state, set %s instead.",
			about, WriteOnlyImportSuffix, s.WriteOnly(), s.Plain(), action, s.WriteOnly()))
	}
	if c.WriteOnly && c.priorStatus.IsNull() && !priorPlain.IsNull() {
		diags.AddAttributeWarning(at, "Secret leaves the state", fmt.Sprintf(
			"The state holds the secret %s in plaintext (imported without %q or write_only = true, or set with %s "+
				"before), so this plan, and a plan file saved from it, hold it too. The apply removes it from state. To "+
				"import into %s without the secret ever reaching the state, import with an ID that ends in %q, or, in an "+
				"import block with an identity, set write_only = true in the identity.",
			about, WriteOnlyImportSuffix, s.Plain(), s.WriteOnly(), WriteOnlyImportSuffix))
	}
	if !c.WriteOnly || c.Decide().status != planPrior {
		return
	}
	switch c.priorStatus.ValueString() {
	case statusDrifted:
		diags.AddAttributeWarning(s.Version(), "Sinch holds another secret", fmt.Sprintf(
			"Sinch holds a secret %s other than the one Terraform last wrote, or none. Since %s is set, %s is "+
				"written only when the version changes: change %s to write it again.",
			about, s.Version(), s.WriteOnly(), s.Version()))
	case statusUnverified:
		diags.AddAttributeWarning(s.Version(), "Cannot tell which secret Sinch holds", fmt.Sprintf(
			"The provider cannot tell whether Sinch holds the configured secret %s: the digest of the secret "+
				"last written is missing from the resource's private state (a state edited or moved by hand, say), "+
				"and since %s is set, the provider does not take what Sinch holds now for the secret written. Change "+
				"%s to write %s again.", about, s.Version(), s.Version(), s.WriteOnly()))
	}
}

// Apply tells, in Create and Update, whether the configured secret must be sent, and with which rule;
// prior is the state before (existing false on create) and private the planned private state.
func (s SecretArgument) Apply(ctx context.Context, config, prior AttributeGetter, existing bool, private PrivateState, moved bool, diags *diag.Diagnostics) (SecretCase, SecretRule) {
	c := s.CaseOf(ctx, config, prior, existing, private, moved, diags)
	return c, c.Decide()
}

// Record keeps, in the new state and private state, what the apply left of the secret: the plaintext
// value (from the plan, already in state), or the status with the digest of the secret Sinch holds.
// written says that the configured secret was just sent and confirmed.
func (s SecretArgument) Record(ctx context.Context, c SecretCase, rule SecretRule, written bool, state AttributeAccess, private PrivateState, diags *diag.Diagnostics) {
	if !s.Present(ctx, state, diags) {
		diags.Append(StoreDigest(ctx, private, s.DigestKey(), nil)...)
		return
	}
	if !c.WriteOnly {
		diags.Append(state.SetAttribute(ctx, s.Status(), types.StringNull())...)
		diags.Append(StoreDigest(ctx, private, s.DigestKey(), nil)...)
		return
	}
	diags.Append(state.SetAttribute(ctx, s.Plain(), types.StringNull())...)
	if !written && rule.status == planPrior {
		// Nothing was sent: the status and the digest stay as they were.
		diags.Append(state.SetAttribute(ctx, s.Status(), c.priorStatus)...)
		return
	}
	// Sent and confirmed, or held already: Sinch holds the configured secret (or, for a secret never
	// answered, Terraform wrote it last).
	diags.Append(state.SetAttribute(ctx, s.Status(), s.applied())...)
	if digest, _ := LoadDigest(ctx, private, s.DigestKey()); !written && digest.matches(c.Configured.ValueString()) {
		return
	}
	digest := newSecretDigest(c.Configured.ValueString())
	diags.Append(StoreDigest(ctx, private, s.DigestKey(), &digest)...)
}

// Refresh records in state what a read found: answered is the secret Sinch holds ("" for none), or nil
// when the answer says nothing of it. importedWriteOnly marks the read that follows an import in
// write-only form, which adopts what Sinch holds as the secret last written.
func (s SecretArgument) Refresh(ctx context.Context, answered *string, importedWriteOnly bool, state AttributeAccess, private PrivateState, diags *diag.Diagnostics) {
	if answered == nil || !s.Present(ctx, state, diags) {
		return
	}
	status := GetStringAt(ctx, state, s.Status(), diags)
	if status.IsNull() && !importedWriteOnly {
		diags.Append(state.SetAttribute(ctx, s.Plain(), OptionalSecret(*answered))...)
		return
	}
	digest, digestDiags := LoadDigest(ctx, private, s.DigestKey())
	diags.Append(digestDiags...)
	switch {
	case digest != nil:
		status = types.StringValue(statusDrifted)
		if digest.matches(*answered) {
			status = types.StringValue(statusApplied)
		}
	case !importedWriteOnly && !getNumberAt(ctx, state, s.Version(), diags).IsNull():
		// A lost digest: with a version, adopting what Sinch holds would hide drift for good.
		status = types.StringValue(statusUnverified)
	case *answered == "":
		status = types.StringValue(statusDrifted)
	default:
		// An import in write-only form, or a lost digest without a version: what Sinch holds becomes the
		// secret last written, so that the plan compares the configured secret with it.
		adopted := newSecretDigest(*answered)
		diags.Append(StoreDigest(ctx, private, s.DigestKey(), &adopted)...)
		status = types.StringValue(statusApplied)
	}
	diags.Append(state.SetAttribute(ctx, s.Status(), status)...)
}

// OptionalSecret is a secret as Terraform holds it: null when there is none.
func OptionalSecret(secret string) types.String {
	if secret == "" {
		return types.StringNull()
	}
	return types.StringValue(secret)
}
