package shared

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework-validators/numbervalidator"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// Attributes are the secret's four attributes in a resource schema. what says what the secret is, as
// the start of a sentence ("The HMAC secret with which Sinch signs callbacks"); oneOf says which forms
// may be set ("Set this or `hmac_secret_wo`.").
func (s SecretArgument) Attributes(what, oneOf string) map[string]schema.Attribute {
	plain, writeOnly, version := s.Plain().String(), s.WriteOnly().String(), s.Version().String()
	if len(s.Parent.Steps()) > 0 {
		// Within a nested attribute, its own names read better.
		plain, writeOnly, version = s.Name, s.Name+"_wo", s.Name+"_wo_version"
	}
	warned := "A plan warns of a secret with white space at either end, or shorter than 16 characters."
	return map[string]schema.Attribute{
		s.Name: schema.StringAttribute{
			MarkdownDescription: fmt.Sprintf("%s. Sensitive: hidden from plan output, but stored in state. %s %s",
				what, fmt.Sprintf(oneOf, writeOnly), warned),
			Optional:   true,
			Sensitive:  true,
			Validators: []validator.String{nonEmptySecret{}},
		},
		s.Name + "_wo": schema.StringAttribute{
			MarkdownDescription: fmt.Sprintf("%s, write-only: sent to Sinch but never stored in the plan or the state "+
				"(Terraform 1.11 and later). %s Without `%s`, a change of the value is noticed through a salted digest "+
				"kept in private state, and written; with it, the value is written only when the version changes. %s",
				what, fmt.Sprintf(oneOf, plain), version, warned),
			Optional:   true,
			Sensitive:  true,
			WriteOnly:  true,
			Validators: []validator.String{nonEmptySecret{}},
		},
		s.Name + "_wo_version": schema.NumberAttribute{
			MarkdownDescription: fmt.Sprintf("Any number; it says when to write `%s`: when it is set, the secret is "+
				"written on create and whenever the number changes, and a new value of `%s` alone writes nothing "+
				"(for a value made anew on every run, such as an ephemeral random password). Only with `%s`.",
				writeOnly, writeOnly, writeOnly),
			Optional: true,
			Validators: []validator.Number{
				numbervalidator.AlsoRequires(path.MatchRelative().AtParent().AtName(s.Name + "_wo")),
			},
		},
		s.Name + "_wo_status": schema.StringAttribute{
			MarkdownDescription: s.statusDescription(plain, writeOnly, version),
			Computed:            true,
		},
	}
}

// statusDescription says what the status attribute claims: what Sinch holds, or, for a secret that Sinch
// never answers, only what Terraform wrote.
func (s SecretArgument) statusDescription(plain, writeOnly, version string) string {
	if s.NeverAnswered {
		return fmt.Sprintf("With `%s`: `written` once Terraform has written the secret, or none: the next apply "+
			"writes `%s`. It claims what Terraform wrote last, not what Sinch holds: Sinch never answers the secret, "+
			"so no read can tell whether it still holds it, and a change made elsewhere never shows. Change `%s` to "+
			"write the secret again. Null with `%s`.", writeOnly, writeOnly, version, plain)
	}
	return fmt.Sprintf("With `%s`: `applied` when Sinch holds the secret Terraform last sent, "+
		"`drifted` when a refresh found another secret there, `unverified` when a refresh could not compare "+
		"(the digest of the secret last written is missing from private state and `%s` is set), or none: the "+
		"next apply sends `%s` (with `%s`, once the version changes). Null with `%s`.",
		writeOnly, version, writeOnly, version, plain)
}

// SecretForms requires one form of a secret at most, or exactly one when required, and says which to
// use. A nested secret is checked only when its nested attribute is set.
type SecretForms struct {
	// Secret is the secret checked; Required says that one of its forms must be set.
	Secret   SecretArgument
	Required bool
}

var _ resource.ConfigValidator = SecretForms{}

func (v SecretForms) Description(context.Context) string {
	if v.Required {
		return fmt.Sprintf("exactly one of %s and %s must be set", v.Secret.Plain(), v.Secret.WriteOnly())
	}
	return fmt.Sprintf("at most one of %s and %s may be set", v.Secret.Plain(), v.Secret.WriteOnly())
}

func (v SecretForms) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }

func (v SecretForms) ValidateResource(ctx context.Context, req resource.ValidateConfigRequest, resp *resource.ValidateConfigResponse) {
	s := v.Secret
	if !s.Present(ctx, req.Config, &resp.Diagnostics) {
		// Not set, or decided at apply: then Terraform validates the configuration again with its value.
		return
	}
	var plain, writeOnly types.String
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, s.Plain(), &plain)...)
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, s.WriteOnly(), &writeOnly)...)
	if resp.Diagnostics.HasError() || plain.IsUnknown() || writeOnly.IsUnknown() {
		return
	}
	switch {
	case v.Required && plain.IsNull() && writeOnly.IsNull():
		resp.Diagnostics.AddAttributeError(s.WriteOnly(), "Missing secret", fmt.Sprintf(
			"Set %s (write-only, Terraform 1.11 and later: the secret is never stored in the plan or the state), "+
				"or %s (stored in state, hidden in plan output).", s.WriteOnly(), s.Plain()))
	case !plain.IsNull() && !writeOnly.IsNull():
		resp.Diagnostics.AddAttributeError(s.WriteOnly(), "Conflicting secrets", fmt.Sprintf(
			"Set only one of %s and %s: remove %s to keep the secret out of state, or remove %s to store it there.",
			s.WriteOnly(), s.Plain(), s.Plain(), s.WriteOnly()))
	}
}
