package shared

import (
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// The values of a write-only secret's status attribute (such as hmac_secret_wo_status).
const (
	// statusApplied: Sinch holds the secret this resource last wrote.
	statusApplied = "applied"
	// statusDrifted: a refresh found another secret at Sinch, or none.
	statusDrifted = "drifted"
	// statusUnverified: a refresh could not compare, as the digest of the secret last written is lost
	// (private state edited or dropped) and hmac_secret_wo_version forbids adopting what Sinch holds.
	statusUnverified = "unverified"
	// statusWritten: for a secret that Sinch never answers, Terraform wrote this secret last; whether
	// Sinch still holds it, nobody can tell.
	statusWritten = "written"
)

// SecretCase is what decides whether a plan writes a secret, and what its status becomes.
type SecretCase struct {
	// existing: the resource is in state; false on create.
	existing bool
	// moved: the secret belongs to another object than in state, or to one not known yet (a project_id
	// that changed, or is known only after apply).
	moved bool
	// WriteOnly: the configuration uses the write-only form.
	WriteOnly bool
	// priorStatus is the status in state: null when the state holds the secret in plaintext form.
	priorStatus types.String
	// version and priorVersion are the _wo_version in the configuration and in state.
	version, priorVersion types.Number
	// Configured is the configured secret, unknown while a plan cannot know it.
	Configured types.String
	// Held: the prior state shows that Sinch holds the configured secret: the same plaintext secret,
	// or the status applied (written) with a digest that matches.
	Held bool
	// neverAnswered: Sinch never answers the secret, whose status of a write is "written".
	neverAnswered bool
}

// secretStatus is what a rule plans for the status attribute.
type secretStatus int

const (
	planApplied secretStatus = iota // "applied"
	planPrior                       // the status in state, whatever it is
	planUnknown                     // known after apply: the write decides
	// planWrite is "applied", or unknown when "applied" is already the prior status and nothing else of
	// the secret changes, so that the plan still shows the update that writes it.
	planWrite
)

// SecretRule is one row of secretRules.
type SecretRule struct {
	// Rule says the row in words, for the log and TestSecretRules.
	Rule   string
	holds  func(c SecretCase) bool
	status secretStatus
	// Write says whether apply sends the secret; a rule that holds only at plan time (an unknown value)
	// leaves it to the rules applied again, with the known values, at apply.
	Write bool
}

// secretRules decide, in order (the first that holds), what a plan does with a secret in write-only
// form. In plaintext form a plan writes the secret unless it is held, and after a move. TestSecretRules
// pins each row.
var secretRules = []SecretRule{
	{"a move to another object, or to one not known yet, writes the secret there",
		func(c SecretCase) bool { return c.moved }, planUnknown, true},
	{"a create writes",
		func(c SecretCase) bool { return !c.existing }, planApplied, true},
	{"with a _wo_version that did not change, nothing is written, whatever the value (drift is warned)",
		func(c SecretCase) bool {
			return !c.version.IsNull() && c.version.Equal(c.priorVersion) && !c.priorStatus.IsNull()
		}, planPrior, false},
	{"a _wo_version or a value not known yet is decided at apply",
		func(c SecretCase) bool { return c.version.IsUnknown() || c.Configured.IsUnknown() }, planUnknown, true},
	{"a new _wo_version (another number, or one added to a secret kept write-only) writes, whatever Sinch is known to hold",
		func(c SecretCase) bool {
			return !c.version.IsNull() && !c.version.Equal(c.priorVersion) && !c.priorStatus.IsNull()
		}, planWrite, true},
	{"a secret that Sinch is known to hold is not written again (a removed _wo_version, a switch of form)",
		func(c SecretCase) bool { return c.Held }, planApplied, false},
	{"otherwise (a new value, drift, a switch of form) the secret is written",
		func(SecretCase) bool { return true }, planWrite, true},
}

// Decide returns the rule that holds for c. In plaintext form the status is null, and only a move or a
// secret that is not held is written.
func (c SecretCase) Decide() SecretRule {
	if !c.WriteOnly {
		return SecretRule{Rule: "plaintext", Write: c.moved || !c.existing || !c.Held}
	}
	for _, r := range secretRules {
		if r.holds(c) {
			return r
		}
	}
	panic("the last rule always holds")
}

// plannedStatus is the status attribute to plan: null in plaintext form.
func (c SecretCase) plannedStatus() types.String {
	if !c.WriteOnly {
		return types.StringNull()
	}
	switch c.Decide().status {
	case planPrior:
		return c.priorStatus
	case planUnknown:
		return types.StringUnknown()
	case planWrite:
		if c.priorStatus.ValueString() == c.applied() && c.version.Equal(c.priorVersion) {
			return types.StringUnknown()
		}
	}
	return types.StringValue(c.applied())
}

// applied is the status of a secret written: "applied", or "written" for a secret never answered.
func (c SecretCase) applied() string {
	if c.neverAnswered {
		return statusWritten
	}
	return statusApplied
}
