package provider

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/url"
	"regexp"
	"runtime/debug"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// checkEndpointURL accepts absolute https URLs, and http URLs whose host is a loopback address
// (a local mock or proxy), since anything else would send the access key in clear text.
func checkEndpointURL(raw string) error {
	u, err := url.Parse(raw)
	switch {
	case err != nil || !u.IsAbs() || u.Host == "":
		return errors.New("must be an absolute URL such as https://senderid.registrations.api.sinch.com")
	case u.User != nil:
		// Not quoted: the URL holds credentials.
		return errors.New("must not carry credentials in the URL; use key_id and key_secret")
	case u.RawQuery != "" || u.Fragment != "":
		return fmt.Errorf("%q must not have a query or a fragment", raw)
	case u.Scheme == "https":
		return nil
	case u.Scheme == "http" && isLoopback(u.Hostname()):
		return nil
	case u.Scheme == "http":
		return fmt.Errorf("%q uses plain http: use https (http is accepted only for loopback hosts such as localhost or 127.0.0.1)", raw)
	default:
		return fmt.Errorf("%q must use https", raw)
	}
}

func isLoopback(host string) bool {
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// int64AsString lets a number setting pass through the same steps as the text ones.
func int64AsString(v types.Int64) types.String {
	switch {
	case v.IsUnknown():
		return types.StringUnknown()
	case v.IsNull():
		return types.StringNull()
	default:
		return types.StringValue(strconv.FormatInt(v.ValueInt64(), 10))
	}
}

func checkMaxRetries(raw string) error {
	n, err := strconv.Atoi(raw)
	if err != nil || n < 0 || n > maxMaxRetries {
		return fmt.Errorf("%q is not a number of retries from 0 to %d", raw, maxMaxRetries)
	}
	return nil
}

func checkRequestTimeout(raw string) error {
	d, err := time.ParseDuration(raw)
	if err != nil || d <= 0 || d > maxRequestTimeout {
		return fmt.Errorf("%q is not a duration such as \"30s\" or \"2m\", above zero and at most %s", raw, maxRequestTimeout)
	}
	return nil
}

// The Conversation API's regions, each with a host of its own.
var conversationRegions = []string{"us", "eu", "br"}

const defaultConversationRegion = "us"

func checkConversationRegion(region string) error {
	if !slices.Contains(conversationRegions, region) {
		return fmt.Errorf("%q is not a Conversation API region: use one of %s", region, strings.Join(quoted(conversationRegions), ", "))
	}
	return nil
}

// conversationURL is the Conversation API's base URL: the override when set, else the region's host.
func conversationURL(region, override string) string {
	if override != "" {
		return override
	}
	return "https://" + region + ".conversation.api.sinch.com"
}

func quoted(values []string) []string {
	q := make([]string, len(values))
	for i, v := range values {
		q[i] = fmt.Sprintf("%q", v)
	}
	return q
}

// projectIDPattern keeps project IDs to what can stand in a URL path as it is. Sinch's project IDs are
// UUIDs; the pattern is wider so as not to refuse an ID Sinch might issue in another form.
var projectIDPattern = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._-]*$`)

func checkProjectID(id string) error {
	if !projectIDPattern.MatchString(id) {
		return fmt.Errorf("%q is not a Sinch project ID: copy the project ID from the Sinch dashboard "+
			"(letters, digits, '-', '_' and '.', starting with a letter or digit)", id)
	}
	return nil
}

// stringCheck turns a check into a schema validator, so that a bad value in HCL fails at validate time.
type stringCheck struct {
	check       func(string) error
	description string
}

const endpointURLDescription = "an absolute https URL, or http on a loopback host"

var (
	_ validator.String = stringCheck{}

	projectIDValidator = stringCheck{checkProjectID, "a Sinch project ID"}
)

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

// userAgent names the provider, the framework and Terraform, so that Sinch can tell callers apart.
func userAgent(providerVersion, terraformVersion string) string {
	framework := "unknown"
	if info, ok := debug.ReadBuildInfo(); ok {
		for _, dep := range info.Deps {
			if dep.Path == "github.com/hashicorp/terraform-plugin-framework" {
				framework = dep.Version
			}
		}
	}
	if terraformVersion == "" {
		terraformVersion = "unknown"
	}
	return fmt.Sprintf("terraform-provider-sinch/%s (+https://registry.terraform.io/providers/terraform-sinch/sinch) "+
		"terraform-plugin-framework/%s Terraform/%s", providerVersion, framework, terraformVersion)
}
