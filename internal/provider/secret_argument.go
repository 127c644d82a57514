package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// secretArgument is a secret that a resource sets at Sinch, in one of two forms: plaintext (NAME,
// sensitive, stored in state) or write-only (NAME_wo, never stored, with NAME_wo_version saying when to
// write it), and NAME_wo_status, which makes a write-only change visible in a plan. One implementation
// serves every secret of every resource type: the digest, the rules of secretRules, the status and the
// warnings.
type secretArgument struct {
	// parent is the nested attribute that holds the secret, or path.Empty() at the top level.
	parent path.Path
	name   string
}

func (s secretArgument) plain() path.Path     { return s.parent.AtName(s.name) }
func (s secretArgument) writeOnly() path.Path { return s.parent.AtName(s.name + "_wo") }
func (s secretArgument) version() path.Path   { return s.parent.AtName(s.name + "_wo_version") }
func (s secretArgument) status() path.Path    { return s.parent.AtName(s.name + "_wo_status") }

// digestKey is the key of the digest in private state.
func (s secretArgument) digestKey() string { return s.name + "_wo_digest" }

// present tells whether the object holding the secret is there: always at the top level, and only when
// the nested attribute is set and known otherwise.
func (s secretArgument) present(ctx context.Context, from attributeGetter, diags *diag.Diagnostics) bool {
	present, _ := s.presence(ctx, from, diags)
	return present
}

// presence tells whether the object holding the secret is there (see present), and whether that is not
// known yet: a nested attribute whose value is decided at apply (a condition, another resource's
// output), which a plan leaves unknown.
func (s secretArgument) presence(ctx context.Context, from attributeGetter, diags *diag.Diagnostics) (present, unknown bool) {
	if len(s.parent.Steps()) == 0 {
		return true, false
	}
	null, unknown := nullOrUnknownAt(ctx, from, s.parent, diags)
	return !null && !unknown, unknown
}

// configured returns the configured secret and whether it is in write-only form; null when neither
// form is set.
func (s secretArgument) configured(ctx context.Context, config attributeGetter, diags *diag.Diagnostics) (types.String, bool) {
	if writeOnly := getStringAt(ctx, config, s.writeOnly(), diags); !writeOnly.IsNull() {
		return writeOnly, true
	}
	return getStringAt(ctx, config, s.plain(), diags), false
}

// caseOf gathers what decides the secret's plan from the configuration and the prior state with its
// private state; existing says that there is a prior state (not on create).
func (s secretArgument) caseOf(ctx context.Context, config, prior attributeGetter, existing bool, private privateState, moved bool, diags *diag.Diagnostics) secretCase {
	configured, writeOnly := s.configured(ctx, config, diags)
	c := secretCase{existing: existing, moved: moved, writeOnly: writeOnly, configured: configured,
		version: getNumberAt(ctx, config, s.version(), diags), priorStatus: types.StringNull(), priorVersion: types.NumberNull()}
	if !c.existing {
		return c
	}
	c.priorStatus = getStringAt(ctx, prior, s.status(), diags)
	c.priorVersion = getNumberAt(ctx, prior, s.version(), diags)
	if moved || configured.IsUnknown() {
		return c
	}
	switch {
	case c.priorStatus.IsNull():
		c.held = getStringAt(ctx, prior, s.plain(), diags).Equal(configured)
	case c.priorStatus.ValueString() == statusApplied && !configured.IsNull():
		digest, digestDiags := loadDigest(ctx, private, s.digestKey())
		diags.Append(digestDiags...)
		c.held = digest.matches(configured.ValueString())
	}
	return c
}

// planInput is what a plan reads, through views (see attribute_view.go): the configuration, the prior
// state (existing says it is not null) with its private state, and the plan as proposed.
type planInput struct {
	config, state, plan *view
	existing            bool
	private             privateState
}

func newPlanInput(req resource.ModifyPlanRequest) planInput {
	return planInput{config: viewOf(req.Config.Raw), state: viewOf(req.State.Raw), plan: viewOf(req.Plan.Raw),
		existing: !req.State.Raw.IsNull(), private: req.Private}
}

// plan plans the secret's status and gives its warnings, in ModifyPlan of a resource that is not being
// destroyed. moved says that the secret's object changed or is not known yet; about names the object
// in messages, such as `for project "p" in the Numbers API`.
func (s secretArgument) plan(ctx context.Context, in planInput, resp *resource.ModifyPlanResponse, moved bool, about string) {
	diags := &resp.Diagnostics
	c := s.caseOf(ctx, in.config, in.state, in.existing, in.private, moved, diags)
	if diags.HasError() {
		return
	}
	at := s.plain()
	if c.writeOnly {
		at = s.writeOnly()
	}
	if !c.configured.IsNull() && !c.configured.IsUnknown() {
		diags.Append(secretValueWarnings(at, c.configured.ValueString())...)
	}
	if s.present(ctx, in.plan, diags) {
		diags.Append(resp.Plan.SetAttribute(ctx, s.status(), c.plannedStatus())...)
	}
	if !c.existing || moved || c.configured.IsNull() {
		return
	}
	priorPlain := getStringAt(ctx, in.state, s.plain(), diags)
	if !c.writeOnly && !c.priorStatus.IsNull() {
		action := "sends it to Sinch again and stores it in state"
		if c.held {
			action = "stores it in state without sending it, as Sinch holds it"
		}
		diags.AddAttributeWarning(at, "Secret moves into the state", fmt.Sprintf(
			"The state holds the secret %s in write-only form (imported with %q, or set with %s before), and the "+
				"configuration sets %s: the apply %s. To keep the secret out of state, set %s instead.",
			about, writeOnlyImportSuffix, s.writeOnly(), s.plain(), action, s.writeOnly()))
	}
	if c.writeOnly && c.priorStatus.IsNull() && !priorPlain.IsNull() {
		diags.AddAttributeWarning(at, "Secret leaves the state", fmt.Sprintf(
			"The state holds the secret %s in plaintext (imported without %q or write_only = true, or set with %s "+
				"before), so this plan, and a plan file saved from it, hold it too. The apply removes it from state. To "+
				"import into %s without the secret ever reaching the state, import with an ID that ends in %q, or, in an "+
				"import block with an identity, set write_only = true in the identity.",
			about, writeOnlyImportSuffix, s.plain(), s.writeOnly(), writeOnlyImportSuffix))
	}
	if !c.writeOnly || c.decide().status != planPrior {
		return
	}
	switch c.priorStatus.ValueString() {
	case statusDrifted:
		diags.AddAttributeWarning(s.version(), "Sinch holds another secret", fmt.Sprintf(
			"Sinch holds a secret %s other than the one Terraform last wrote, or none. Since %s is set, %s is "+
				"written only when the version changes: change %s to write it again.",
			about, s.version(), s.writeOnly(), s.version()))
	case statusUnverified:
		diags.AddAttributeWarning(s.version(), "Cannot tell which secret Sinch holds", fmt.Sprintf(
			"The provider cannot tell whether Sinch holds the configured secret %s: the digest of the secret "+
				"last written is missing from the resource's private state (a state edited or moved by hand, say), "+
				"and since %s is set, the provider does not take what Sinch holds now for the secret written. Change "+
				"%s to write %s again.", about, s.version(), s.version(), s.writeOnly()))
	}
}

// apply tells, in Create and Update, whether the configured secret must be sent, and with which rule;
// prior is the state before (existing false on create) and private the planned private state.
func (s secretArgument) apply(ctx context.Context, config, prior attributeGetter, existing bool, private privateState, moved bool, diags *diag.Diagnostics) (secretCase, secretRule) {
	c := s.caseOf(ctx, config, prior, existing, private, moved, diags)
	return c, c.decide()
}

// record keeps, in the new state and private state, what the apply left of the secret: the plaintext
// value (from the plan, already in state), or the status with the digest of the secret Sinch holds.
// written says that the configured secret was just sent and confirmed.
func (s secretArgument) record(ctx context.Context, c secretCase, rule secretRule, written bool, state attributeAccess, private privateState, diags *diag.Diagnostics) {
	if !s.present(ctx, state, diags) {
		diags.Append(storeDigest(ctx, private, s.digestKey(), nil)...)
		return
	}
	if !c.writeOnly {
		diags.Append(state.SetAttribute(ctx, s.status(), types.StringNull())...)
		diags.Append(storeDigest(ctx, private, s.digestKey(), nil)...)
		return
	}
	diags.Append(state.SetAttribute(ctx, s.plain(), types.StringNull())...)
	if !written && rule.status == planPrior {
		// Nothing was sent: the status and the digest stay as they were.
		diags.Append(state.SetAttribute(ctx, s.status(), c.priorStatus)...)
		return
	}
	// Sent and confirmed, or held already: Sinch holds the configured secret.
	diags.Append(state.SetAttribute(ctx, s.status(), statusApplied)...)
	if digest, _ := loadDigest(ctx, private, s.digestKey()); !written && digest.matches(c.configured.ValueString()) {
		return
	}
	digest := newSecretDigest(c.configured.ValueString())
	diags.Append(storeDigest(ctx, private, s.digestKey(), &digest)...)
}

// refresh records in state what a read found: answered is the secret Sinch holds ("" for none), or nil
// when the answer says nothing of it. importedWriteOnly marks the read that follows an import in
// write-only form, which adopts what Sinch holds as the secret last written.
func (s secretArgument) refresh(ctx context.Context, answered *string, importedWriteOnly bool, state attributeAccess, private privateState, diags *diag.Diagnostics) {
	if answered == nil || !s.present(ctx, state, diags) {
		return
	}
	status := getStringAt(ctx, state, s.status(), diags)
	if status.IsNull() && !importedWriteOnly {
		diags.Append(state.SetAttribute(ctx, s.plain(), optionalSecret(*answered))...)
		return
	}
	digest, digestDiags := loadDigest(ctx, private, s.digestKey())
	diags.Append(digestDiags...)
	switch {
	case digest != nil:
		status = types.StringValue(statusDrifted)
		if digest.matches(*answered) {
			status = types.StringValue(statusApplied)
		}
	case !importedWriteOnly && !getNumberAt(ctx, state, s.version(), diags).IsNull():
		// A lost digest: with a version, adopting what Sinch holds would hide drift for good.
		status = types.StringValue(statusUnverified)
	case *answered == "":
		status = types.StringValue(statusDrifted)
	default:
		// An import in write-only form, or a lost digest without a version: what Sinch holds becomes the
		// secret last written, so that the plan compares the configured secret with it.
		adopted := newSecretDigest(*answered)
		diags.Append(storeDigest(ctx, private, s.digestKey(), &adopted)...)
		status = types.StringValue(statusApplied)
	}
	diags.Append(state.SetAttribute(ctx, s.status(), status)...)
}

// optionalSecret is a secret as Terraform holds it: null when there is none.
func optionalSecret(secret string) types.String {
	if secret == "" {
		return types.StringNull()
	}
	return types.StringValue(secret)
}
