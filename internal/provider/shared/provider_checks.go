package shared

import (
	"context"
	"fmt"
	"net"
	"regexp"

	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
)

// ProjectIDPattern keeps project IDs (and Voice application keys) to what can stand in a URL path as it
// is. Sinch's are UUIDs; the pattern is wider so as not to refuse an ID Sinch might issue in another form.
var ProjectIDPattern = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._-]*$`)

// CheckProjectID accepts what ProjectIDPattern does, and says where to find a project ID otherwise.
func CheckProjectID(id string) error {
	if !ProjectIDPattern.MatchString(id) {
		return fmt.Errorf("%q is not a Sinch project ID: copy the project ID from the Sinch dashboard "+
			"(letters, digits, '-', '_' and '.', starting with a letter or digit)", id)
	}
	return nil
}

// StringCheck turns a check into a schema validator, so that a bad value in HCL fails at validate time;
// description says what the check wants, such as "a Sinch project ID".
func StringCheck(check func(string) error, description string) validator.String {
	return stringCheck{check, description}
}

// stringCheck is the validator of StringCheck.
type stringCheck struct {
	check       func(string) error
	description string
}

var _ validator.String = stringCheck{}

// ProjectIDValidator checks project_id at validate time, with CheckProjectID.
var ProjectIDValidator = StringCheck(CheckProjectID, "a Sinch project ID")

func (v stringCheck) Description(context.Context) string         { return "must be " + v.description }
func (v stringCheck) MarkdownDescription(context.Context) string { return "must be " + v.description }

func (v stringCheck) ValidateString(_ context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	if err := v.check(req.ConfigValue.ValueString()); err != nil {
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid "+req.Path.String(), err.Error())
	}
}

// DefaultConversationRegion is the Conversation API's region when no setting names one.
const DefaultConversationRegion = "us"

// ConversationURL is the Conversation API's base URL: the override when set, else the region's host.
func ConversationURL(region, override string) string {
	if override != "" {
		return override
	}
	return "https://" + region + ".conversation.api.sinch.com"
}

// Quoted is each of the values in Go's quotes, for a message.
func Quoted(values []string) []string {
	q := make([]string, len(values))
	for i, v := range values {
		q[i] = fmt.Sprintf("%q", v)
	}
	return q
}

// IsLoopbackHost tells whether a URL's host (without its port) is a loopback address: localhost, or an
// address of 127.0.0.0/8 or ::1. Plain http is accepted there only, as nothing leaves the machine.
func IsLoopbackHost(host string) bool {
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}
