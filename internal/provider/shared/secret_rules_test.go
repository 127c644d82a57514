package shared

import (
	"math/big"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/types"
)

// TestSecretRules pins each row of secretRules, and the plaintext form: which rule holds, the status
// planned, and whether apply writes.
func TestSecretRules(t *testing.T) {
	applied, drifted, unverified := types.StringValue(statusApplied), types.StringValue(statusDrifted), types.StringValue(statusUnverified)
	written := types.StringValue(statusWritten)
	null, unknown, value := types.StringNull(), types.StringUnknown(), types.StringValue("configured")
	noVersion, v1, v2 := types.NumberNull(), types.NumberValue(big.NewFloat(1)), types.NumberValue(big.NewFloat(2.5))
	// existing is a write-only secret in state, with prior status applied and no version.
	existing := func(change func(*SecretCase)) SecretCase {
		c := SecretCase{existing: true, WriteOnly: true, priorStatus: applied, version: noVersion, priorVersion: noVersion, Configured: value}
		change(&c)
		return c
	}
	for name, tc := range map[string]struct {
		c          SecretCase
		wantRule   int // the row of secretRules; -1 for plaintext
		wantStatus types.String
		wantWrite  bool
	}{
		"a move":                       {existing(func(c *SecretCase) { c.moved = true }), 0, unknown, true},
		"a move, with a version kept":  {existing(func(c *SecretCase) { c.moved, c.version, c.priorVersion = true, v1, v1 }), 0, unknown, true},
		"a create":                     {SecretCase{WriteOnly: true, Configured: value, version: noVersion, priorStatus: null, priorVersion: noVersion}, 1, applied, true},
		"a create with a version":      {SecretCase{WriteOnly: true, Configured: value, version: v1, priorStatus: null, priorVersion: noVersion}, 1, applied, true},
		"version kept, another secret": {existing(func(c *SecretCase) { c.version, c.priorVersion = v1, v1 }), 2, applied, false},
		"version kept, value unknown":  {existing(func(c *SecretCase) { c.version, c.priorVersion, c.Configured = v1, v1, unknown }), 2, applied, false},
		"version kept, drift":          {existing(func(c *SecretCase) { c.version, c.priorVersion, c.priorStatus = v1, v1, drifted }), 2, drifted, false},
		"version kept, unverified":     {existing(func(c *SecretCase) { c.version, c.priorVersion, c.priorStatus = v1, v1, unverified }), 2, unverified, false},
		"version unknown":              {existing(func(c *SecretCase) { c.version, c.priorVersion = types.NumberUnknown(), v1 }), 3, unknown, true},
		"value unknown":                {existing(func(c *SecretCase) { c.Configured = unknown }), 3, unknown, true},
		"held: version removed":        {existing(func(c *SecretCase) { c.priorVersion, c.Held = v1, true }), 5, applied, false},
		// A new version writes even when Sinch is known to hold the secret: with answers that hide it, or
		// -refresh=false, it is the only way to send it again.
		"held: version changed":                      {existing(func(c *SecretCase) { c.version, c.priorVersion, c.Held = v2, v1, true }), 4, applied, true},
		"held: version added":                        {existing(func(c *SecretCase) { c.version, c.Held = v1, true }), 4, applied, true},
		"held: switch from plaintext, version added": {existing(func(c *SecretCase) { c.priorStatus, c.version, c.Held = null, v1, true }), 5, applied, false},
		"held: switch from plaintext":                {existing(func(c *SecretCase) { c.priorStatus, c.Held = null, true }), 5, applied, false},
		"held: no change":                            {existing(func(c *SecretCase) { c.Held = true }), 5, applied, false},
		"another secret":                             {existing(func(*SecretCase) {}), 6, unknown, true},
		"drift":                                      {existing(func(c *SecretCase) { c.priorStatus = drifted }), 6, applied, true},
		"unverified, version removed":                {existing(func(c *SecretCase) { c.priorStatus, c.priorVersion = unverified, v1 }), 6, applied, true},
		"version changed":                            {existing(func(c *SecretCase) { c.version, c.priorVersion = v2, v1 }), 4, applied, true},
		"version added":                              {existing(func(c *SecretCase) { c.version = v1 }), 4, applied, true},
		"version changed after drift":                {existing(func(c *SecretCase) { c.version, c.priorVersion, c.priorStatus = v2, v1, drifted }), 4, applied, true},
		"switch from plaintext":                      {existing(func(c *SecretCase) { c.priorStatus = null }), 6, applied, true},
		"switch from plaintext, versioned":           {existing(func(c *SecretCase) { c.priorStatus, c.version = null, v1 }), 6, applied, true},
		// A secret that Sinch never answers is "written", never "applied".
		"never answered: a create":         {SecretCase{WriteOnly: true, Configured: value, version: noVersion, priorStatus: null, priorVersion: noVersion, neverAnswered: true}, 1, written, true},
		"never answered: version changed":  {existing(func(c *SecretCase) { c.version, c.priorVersion, c.priorStatus, c.neverAnswered = v2, v1, written, true }), 4, written, true},
		"never answered: held, no change":  {existing(func(c *SecretCase) { c.priorStatus, c.Held, c.neverAnswered = written, true, true }), 5, written, false},
		"never answered: another secret":   {existing(func(c *SecretCase) { c.priorStatus, c.neverAnswered = written, true }), 6, unknown, true},
		"plaintext: create":                {SecretCase{Configured: value}, -1, null, true},
		"plaintext: held":                  {SecretCase{existing: true, Configured: value, priorStatus: null, Held: true}, -1, null, false},
		"plaintext: another secret":        {SecretCase{existing: true, Configured: value, priorStatus: null}, -1, null, true},
		"plaintext: from write-only, held": {SecretCase{existing: true, Configured: value, priorStatus: applied, Held: true}, -1, null, false},
		"plaintext: a move":                {SecretCase{existing: true, moved: true, Configured: value, priorStatus: null}, -1, null, true},
	} {
		t.Run(name, func(t *testing.T) {
			rule := tc.c.Decide()
			if tc.wantRule >= 0 && rule.Rule != secretRules[tc.wantRule].Rule {
				t.Errorf("rule %q, want %q", rule.Rule, secretRules[tc.wantRule].Rule)
			}
			if got := tc.c.plannedStatus(); !got.Equal(tc.wantStatus) {
				t.Errorf("planned status %s, want %s", got, tc.wantStatus)
			}
			if rule.Write != tc.wantWrite {
				t.Errorf("write %v, want %v", rule.Write, tc.wantWrite)
			}
		})
	}
}
