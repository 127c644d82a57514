package shared

import (
	"context"
	"fmt"
	"net/url"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
)

// CheckHTTPURL accepts what Sinch takes as a URL to send requests to: an absolute http or https URL with
// a host (a plan warns of http: see WarnOfCleartext). example is an https URL, for the message.
func CheckHTTPURL(raw, example string) error {
	u, err := url.Parse(raw)
	if err != nil || !u.IsAbs() || u.Host == "" || u.Scheme != "https" && u.Scheme != "http" {
		return fmt.Errorf("%q is not an absolute https URL, such as %s", raw, example)
	}
	return nil
}

// WarnOfCleartext warns when the URL at an attribute of the configuration is an http:// URL, which Sinch
// takes: what names the URL ("The webhook's target"), and sends says what Sinch would send to it.
func WarnOfCleartext(ctx context.Context, config AttributeGetter, at path.Path, what, sends string, diags *diag.Diagnostics) {
	if u, err := url.Parse(GetStringAt(ctx, config, at, diags).ValueString()); err == nil && u.Scheme == "http" {
		diags.AddAttributeWarning(at, "Callbacks in clear text", fmt.Sprintf(
			"%s is an http:// URL: Sinch would send %s over the network in clear text. Use https://.", what, sends))
	}
}
