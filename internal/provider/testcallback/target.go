package testcallback

import (
	"fmt"
	"net/url"

	"github.com/hashicorp/terraform-plugin-framework/schema/validator"

	"github.com/terraform-sinch/terraform-provider-sinch/internal/provider/shared"
)

// CheckTarget accepts the URLs a test sends to: https, or http on a loopback host (a handler on this
// machine). A test callback carries a valid signature, and perhaps a bearer token or, to a token
// endpoint, a client secret: none of them crosses a network in clear text.
func CheckTarget(raw string) error {
	u, err := url.Parse(raw)
	switch {
	case err != nil || !u.IsAbs() || u.Host == "":
		return fmt.Errorf("%s is not an absolute URL, such as https://callbacks.example.com/sinch", DisplayURL(raw))
	case u.Scheme == "https":
		return nil
	case u.Scheme == "http" && shared.IsLoopbackHost(u.Hostname()):
		return nil
	case u.Scheme == "http":
		return fmt.Errorf("%s uses plain http to %s, which is not a loopback address: a test sends a valid signature, "+
			"so it goes over https, or over http only to localhost, 127.0.0.0/8 or ::1", DisplayURL(raw), u.Hostname())
	default:
		return fmt.Errorf("%s is not an https URL", DisplayURL(raw))
	}
}

// TargetValidator checks a handler's URL at validation, as CheckTarget does.
var TargetValidator validator.String = shared.StringCheck(CheckTarget, "an https URL, or http on a loopback host (localhost, 127.0.0.0/8, ::1)")

// DisplayURL is a URL for messages: without the password of its user information, and without its
// query, either of which may hold a credential.
func DisplayURL(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return "a URL that does not parse"
	}
	if u.RawQuery != "" || u.ForceQuery {
		u.RawQuery, u.ForceQuery = "(query hidden)", false
	}
	u.Fragment, u.RawFragment = "", ""
	return u.Redacted()
}
