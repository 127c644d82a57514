package testcallback

import (
	"context"
	"fmt"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/action/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/terraform-sinch/terraform-provider-sinch/internal/provider/shared"
)

// The attributes both actions have, beside their own.
const (
	AttrCheckForged = "check_forged"
	AttrTimeout     = "timeout"
)

// DefaultTimeout and MaxTimeout (which the description of the timeout attribute names) bound how long a handler has to answer each request of a test.
const (
	DefaultTimeout = 10 * time.Second
	MaxTimeout     = 2 * time.Minute
)

// Attributes are the attributes of Options, for an action whose callbacks carry the signature header.
func Attributes(header string) map[string]schema.Attribute {
	return map[string]schema.Attribute{
		AttrCheckForged: schema.BoolAttribute{
			MarkdownDescription: fmt.Sprintf("Whether to send, after the signed callback, the same callback with a wrong `%s`, "+
				"which the handler must refuse with a 4xx. Defaults to `true`; `false` tests a handler that does not check "+
				"signatures yet.", header),
			Optional: true,
		},
		AttrTimeout: schema.StringAttribute{
			MarkdownDescription: "How long the handler has to answer each request (and a webhook's token endpoint, if any), as a duration " +
				"such as `\"5s\"` or `\"1m\"`, at most `\"2m\"`. Defaults to `\"10s\"`.",
			Optional:   true,
			Validators: []validator.String{shared.StringCheck(checkTimeout, fmt.Sprintf("a duration above zero, at most %s", MaxTimeout))},
		},
	}
}

func checkTimeout(raw string) error {
	d, err := time.ParseDuration(raw)
	if err != nil || d <= 0 || d > MaxTimeout {
		return fmt.Errorf("%q is not a duration such as \"10s\", above zero and at most %s", raw, MaxTimeout)
	}
	return nil
}

// OptionsFrom reads Options from an action's configuration, with their defaults.
func OptionsFrom(ctx context.Context, config shared.AttributeGetter, diags *diag.Diagnostics) Options {
	options := Options{CheckForged: true, Timeout: DefaultTimeout}
	var checkForged types.Bool
	diags.Append(config.GetAttribute(ctx, path.Root(AttrCheckForged), &checkForged)...)
	if !checkForged.IsNull() && !checkForged.IsUnknown() {
		options.CheckForged = checkForged.ValueBool()
	}
	if timeout := shared.GetString(ctx, config, AttrTimeout, diags); !timeout.IsNull() && !timeout.IsUnknown() {
		d, err := time.ParseDuration(timeout.ValueString())
		if err != nil {
			// The validator refused it already.
			diags.AddAttributeError(path.Root(AttrTimeout), "Invalid timeout", checkTimeout(timeout.ValueString()).Error())
		}
		options.Timeout = d
	}
	return options
}
