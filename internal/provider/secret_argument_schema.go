package provider

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

// attributes are the secret's four attributes in a resource schema. what says what the secret is, as
// the start of a sentence ("The HMAC secret with which Sinch signs callbacks"); oneOf says which forms
// may be set ("Set this or `hmac_secret_wo`.").
func (s secretArgument) attributes(what, oneOf string) map[string]schema.Attribute {
	plain, writeOnly, version := s.plain().String(), s.writeOnly().String(), s.version().String()
	if len(s.parent.Steps()) > 0 {
		// Within a nested attribute, its own names read better.
		plain, writeOnly, version = s.name, s.name+"_wo", s.name+"_wo_version"
	}
	warned := "A plan warns of a secret with white space at either end, or shorter than 16 characters."
	return map[string]schema.Attribute{
		s.name: schema.StringAttribute{
			MarkdownDescription: fmt.Sprintf("%s. Sensitive: hidden from plan output, but stored in state. %s %s",
				what, fmt.Sprintf(oneOf, writeOnly), warned),
			Optional:   true,
			Sensitive:  true,
			Validators: []validator.String{nonEmptySecret{}},
		},
		s.name + "_wo": schema.StringAttribute{
			MarkdownDescription: fmt.Sprintf("%s, write-only: sent to Sinch but never stored in the plan or the state "+
				"(Terraform 1.11 and later). %s Without `%s`, a change of the value is noticed through a salted digest "+
				"kept in private state, and written; with it, the value is written only when the version changes. %s",
				what, fmt.Sprintf(oneOf, plain), version, warned),
			Optional:   true,
			Sensitive:  true,
			WriteOnly:  true,
			Validators: []validator.String{nonEmptySecret{}},
		},
		s.name + "_wo_version": schema.NumberAttribute{
			MarkdownDescription: fmt.Sprintf("Any number; it says when to write `%s`: when it is set, the secret is "+
				"written on create and whenever the number changes, and a new value of `%s` alone writes nothing "+
				"(for a value made anew on every run, such as an ephemeral random password). Only with `%s`.",
				writeOnly, writeOnly, writeOnly),
			Optional: true,
			Validators: []validator.Number{
				numbervalidator.AlsoRequires(path.MatchRelative().AtParent().AtName(s.name + "_wo")),
			},
		},
		s.name + "_wo_status": schema.StringAttribute{
			MarkdownDescription: fmt.Sprintf("With `%s`: `applied` when Sinch holds the secret Terraform last sent, "+
				"`drifted` when a refresh found another secret there, `unverified` when a refresh could not compare "+
				"(the digest of the secret last written is missing from private state and `%s` is set), or none: the "+
				"next apply sends `%s` (with `%s`, once the version changes). Null with `%s`.",
				writeOnly, version, writeOnly, version, plain),
			Computed: true,
		},
	}
}

// secretForms requires one form of a secret at most, or exactly one when required, and says which to
// use. A nested secret is checked only when its nested attribute is set.
type secretForms struct {
	secret   secretArgument
	required bool
}

var _ resource.ConfigValidator = secretForms{}

func (v secretForms) Description(context.Context) string {
	if v.required {
		return fmt.Sprintf("exactly one of %s and %s must be set", v.secret.plain(), v.secret.writeOnly())
	}
	return fmt.Sprintf("at most one of %s and %s may be set", v.secret.plain(), v.secret.writeOnly())
}

func (v secretForms) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }

func (v secretForms) ValidateResource(ctx context.Context, req resource.ValidateConfigRequest, resp *resource.ValidateConfigResponse) {
	s := v.secret
	if !s.present(ctx, req.Config, &resp.Diagnostics) {
		// Not set, or decided at apply: then Terraform validates the configuration again with its value.
		return
	}
	var plain, writeOnly types.String
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, s.plain(), &plain)...)
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, s.writeOnly(), &writeOnly)...)
	if resp.Diagnostics.HasError() || plain.IsUnknown() || writeOnly.IsUnknown() {
		return
	}
	switch {
	case v.required && plain.IsNull() && writeOnly.IsNull():
		resp.Diagnostics.AddAttributeError(s.writeOnly(), "Missing secret", fmt.Sprintf(
			"Set %s (write-only, Terraform 1.11 and later: the secret is never stored in the plan or the state), "+
				"or %s (stored in state, hidden in plan output).", s.writeOnly(), s.plain()))
	case !plain.IsNull() && !writeOnly.IsNull():
		resp.Diagnostics.AddAttributeError(s.writeOnly(), "Conflicting secrets", fmt.Sprintf(
			"Set only one of %s and %s: remove %s to keep the secret out of state, or remove %s to store it there.",
			s.writeOnly(), s.plain(), s.plain(), s.writeOnly()))
	}
}
