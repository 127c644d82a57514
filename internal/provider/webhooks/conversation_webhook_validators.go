package webhooks

import (
	"context"
	"fmt"
	"net/url"
	"slices"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
)

// maxTargetLength is the longest target Sinch accepts.
const maxTargetLength = 742

// unspecifiedTrigger is the trigger Sinch's SDKs list but Sinch refuses.
const unspecifiedTrigger = "UNSPECIFIED_TRIGGER"

// knownTriggers are the webhook triggers seen in Sinch's SDKs. Sinch adds triggers over time, so one
// not here gets a plan warning, not an error.
var knownTriggers = []string{
	"MESSAGE_DELIVERY", "MESSAGE_SUBMIT", "MESSAGE_INBOUND", "EVENT_DELIVERY", "EVENT_INBOUND",
	"SMART_CONVERSATIONS", "MESSAGE_INBOUND_SMART_CONVERSATION_REDACTION", "CONVERSATION_START",
	"CONVERSATION_STOP", "CONVERSATION_DELETE", "CONTACT_CREATE", "CONTACT_DELETE", "CONTACT_MERGE",
	"CONTACT_UPDATE", "CONTACT_IDENTITIES_DUPLICATION", "UNSUPPORTED", "OPT_IN", "OPT_OUT", "CHANNEL_EVENT",
	"CAPABILITY", "RECORD_NOTIFICATION",
}

// checkWebhookTarget accepts what Sinch accepts as a target: an absolute http or https URL of at most
// 742 characters, whose host is not one of the Conversation API's own (conversation-api.*.sinch.com).
func checkWebhookTarget(target string) error {
	u, err := url.Parse(target)
	host := ""
	if err == nil {
		host = strings.ToLower(u.Hostname())
	}
	switch {
	case len(target) > maxTargetLength:
		return fmt.Errorf("is %d characters long; Sinch accepts at most %d", len(target), maxTargetLength)
	case err != nil || !u.IsAbs() || host == "" || u.Scheme != "https" && u.Scheme != "http":
		return fmt.Errorf("%q is not an absolute https URL, such as https://callbacks.example.com/sinch", target)
	case strings.HasPrefix(host, "conversation-api.") && strings.HasSuffix(host, ".sinch.com"):
		return fmt.Errorf("%q is a host of the Conversation API itself, which Sinch refuses as a target: give the URL of your callback handler", host)
	}
	return nil
}

// checkTokenEndpoint accepts an absolute http or https URL (a plan warns of http).
func checkTokenEndpoint(endpoint string) error {
	u, err := url.Parse(endpoint)
	if err != nil || !u.IsAbs() || u.Host == "" || u.Scheme != "https" && u.Scheme != "http" {
		return fmt.Errorf("%q is not an absolute https URL, such as https://auth.example.com/oauth2/token", endpoint)
	}
	return nil
}

// webhookTargetValidator checks a target at plan time, as checkWebhookTarget says.
type webhookTargetValidator struct{}

var _ validator.String = webhookTargetValidator{}

func (webhookTargetValidator) Description(context.Context) string {
	return fmt.Sprintf("an absolute https URL of at most %d characters, not of the Conversation API itself", maxTargetLength)
}

func (v webhookTargetValidator) MarkdownDescription(ctx context.Context) string {
	return v.Description(ctx)
}

func (webhookTargetValidator) ValidateString(_ context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	if err := checkWebhookTarget(req.ConfigValue.ValueString()); err != nil {
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid webhook target", fmt.Sprintf("The target %s.", err))
	}
}

// triggerValidator refuses UNSPECIFIED_TRIGGER, which Sinch refuses.
type triggerValidator struct{}

var _ validator.String = triggerValidator{}

func (triggerValidator) Description(context.Context) string { return "not " + unspecifiedTrigger }

func (v triggerValidator) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }

func (triggerValidator) ValidateString(_ context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	trigger := req.ConfigValue.ValueString()
	switch known := strings.ToUpper(trigger); {
	case trigger == unspecifiedTrigger:
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid webhook trigger", fmt.Sprintf(
			"Sinch refuses %s, which stands for no trigger: name the events whose callbacks the webhook should "+
				"receive, such as MESSAGE_DELIVERY or MESSAGE_INBOUND.", unspecifiedTrigger))
	case known != trigger && slices.Contains(knownTriggers, known):
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid webhook trigger", fmt.Sprintf(
			"%q is not a trigger: Sinch's triggers are written in capitals. Did you mean %q?", trigger, known))
	}
}

// unknownTriggers are the triggers of a configuration that this provider does not know.
func unknownTriggers(triggers []string) []string {
	var unknown []string
	for _, t := range triggers {
		if !slices.Contains(knownTriggers, t) {
			unknown = append(unknown, t)
		}
	}
	return unknown
}
