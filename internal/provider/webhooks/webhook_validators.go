package webhooks

import (
	"context"
	"fmt"
	"net/url"
	"slices"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/terraform-sinch/terraform-provider-sinch/internal/provider/shared"
)

// unspecifiedTrigger is the trigger the Conversation API's SDKs list but Sinch refuses.
const unspecifiedTrigger = "UNSPECIFIED_TRIGGER"

// checkTarget accepts what Sinch accepts as a target: an absolute http or https URL; for the
// Conversation API, of at most 742 characters, whose host is not one of the API's own
// (conversation-api.*.sinch.com).
func (a webhookAPI) checkTarget(target string) error {
	u, err := url.Parse(target)
	host := ""
	if err == nil {
		host = strings.ToLower(u.Hostname())
	}
	switch {
	case a.ScopedByApp && len(target) > maxTargetLength:
		return fmt.Errorf("is %d characters long; Sinch accepts at most %d", len(target), maxTargetLength)
	case err != nil || !u.IsAbs() || host == "" || u.Scheme != "https" && u.Scheme != "http":
		return fmt.Errorf("%q is not an absolute https URL, such as https://callbacks.example.com/sinch", target)
	case a.ScopedByApp && strings.HasPrefix(host, "conversation-api.") && strings.HasSuffix(host, ".sinch.com"):
		return fmt.Errorf("%q is a host of the Conversation API itself, which Sinch refuses as a target: give the URL of your callback handler", host)
	}
	return nil
}

// checkTokenEndpoint accepts an absolute http or https URL (a plan warns of http).
func checkTokenEndpoint(endpoint string) error {
	return shared.CheckHTTPURL(endpoint, "https://auth.example.com/oauth2/token")
}

// webhookTargetValidator checks a target at plan time, as checkTarget says.
type webhookTargetValidator struct{ api webhookAPI }

var _ validator.String = webhookTargetValidator{}

func (v webhookTargetValidator) Description(context.Context) string {
	if v.api.ScopedByApp {
		return fmt.Sprintf("an absolute https URL of at most %d characters, not of the Conversation API itself", maxTargetLength)
	}
	return "an absolute https URL"
}

func (v webhookTargetValidator) MarkdownDescription(ctx context.Context) string {
	return v.Description(ctx)
}

func (v webhookTargetValidator) ValidateString(_ context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	if err := v.api.checkTarget(req.ConfigValue.ValueString()); err != nil {
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid webhook target", fmt.Sprintf("The target %s.", err))
	}
}

// triggerValidator refuses what Sinch refuses of a trigger: UNSPECIFIED_TRIGGER (the Conversation API),
// and a known trigger in lower case.
type triggerValidator struct{ api webhookAPI }

var _ validator.String = triggerValidator{}

func (triggerValidator) Description(context.Context) string {
	return "a trigger in capitals, not " + unspecifiedTrigger
}

func (v triggerValidator) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }

func (v triggerValidator) ValidateString(_ context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	trigger := req.ConfigValue.ValueString()
	switch known := strings.ToUpper(trigger); {
	case v.api.ScopedByApp && trigger == unspecifiedTrigger:
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid webhook trigger", fmt.Sprintf(
			"Sinch refuses %s, which stands for no trigger: name the events whose callbacks the webhook should "+
				"receive, such as MESSAGE_DELIVERY or MESSAGE_INBOUND.", unspecifiedTrigger))
	case known != trigger && slices.Contains(v.api.Triggers, known):
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid webhook trigger", fmt.Sprintf(
			"%q is not a trigger: Sinch's triggers are written in capitals. Did you mean %q?", trigger, known))
	}
}

// allAlone refuses the API's trigger that stands for every other one (the Provisioning API's ALL) beside
// another trigger, as Sinch refuses it.
type allAlone struct{ api webhookAPI }

var _ validator.Set = allAlone{}

func (v allAlone) Description(context.Context) string {
	return fmt.Sprintf("%s alone, or other triggers without it", v.api.All)
}

func (v allAlone) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }

func (v allAlone) ValidateSet(ctx context.Context, req validator.SetRequest, resp *validator.SetResponse) {
	if v.api.All == "" || req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	var triggers []types.String
	resp.Diagnostics.Append(req.ConfigValue.ElementsAs(ctx, &triggers, false)...)
	var all bool
	var others []string
	for _, t := range triggers {
		switch {
		case t.IsUnknown():
			return
		case t.ValueString() == v.api.All:
			all = true
		default:
			others = append(others, t.ValueString())
		}
	}
	if all && len(others) > 0 {
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid webhook triggers", fmt.Sprintf(
			"%s stands for every event, and Sinch refuses it beside other triggers (%s): keep %s alone, or name the "+
				"events without it.", v.api.All, strings.Join(others, ", "), v.api.All))
	}
}

// unknownTriggers are the triggers of a configuration that this provider does not know.
func (a webhookAPI) unknownTriggers(triggers []string) []string {
	var unknown []string
	for _, t := range triggers {
		if !slices.Contains(a.Triggers, t) {
			unknown = append(unknown, t)
		}
	}
	return unknown
}
