package provider

import (
	"errors"
	"fmt"
	"net/url"
	"runtime/debug"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/terraform-sinch/terraform-provider-sinch/internal/provider/shared"
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
	case u.Scheme == "http" && shared.IsLoopbackHost(u.Hostname()):
		return nil
	case u.Scheme == "http":
		return fmt.Errorf("%q uses plain http: use https (http is accepted only for loopback hosts such as localhost or 127.0.0.1)", raw)
	default:
		return fmt.Errorf("%q must use https", raw)
	}
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

func checkConversationRegion(region string) error {
	if !slices.Contains(conversationRegions, region) {
		return fmt.Errorf("%q is not a Conversation API region: use one of %s", region, strings.Join(shared.Quoted(conversationRegions), ", "))
	}
	return nil
}

const endpointURLDescription = "an absolute https URL, or http on a loopback host"

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
