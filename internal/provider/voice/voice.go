// Package voice is the provider's family of the Voice API: a Voice application's callback URLs (the
// resource and data source sinch_voice_application_callbacks), where Sinch asks the application what to
// do with its calls, and the function voice_callback_signature, which computes the signature Sinch puts on
// those callbacks. Every request to the Voice API is signed with the application's own key and secret
// (the provider's voice_applications), not with the access token of the other families.
package voice

import (
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/function"
	"github.com/hashicorp/terraform-plugin-framework/resource"

	"github.com/terraform-sinch/terraform-provider-sinch/internal/client"
	"github.com/terraform-sinch/terraform-provider-sinch/internal/provider/shared"
)

// Resources returns the resource types: sinch_voice_application_callbacks.
func Resources() []func() resource.Resource {
	return []func() resource.Resource{NewApplicationCallbacksResource}
}

// DataSources returns the data source types: sinch_voice_application_callbacks.
func DataSources() []func() datasource.DataSource {
	return []func() datasource.DataSource{NewApplicationCallbacksDataSource}
}

// Functions returns the function voice_callback_signature.
func Functions() []func() function.Function {
	return []func() function.Function{NewCallbackSignatureFunction}
}

// The type's name after "sinch_", and its attributes.
const (
	callbacksType     = "voice_application_callbacks"
	attrKey           = shared.AttrApplicationKey
	attrPrimaryURL    = "primary_url"
	attrFallbackURL   = "fallback_url"
	exampleURL        = "https://voice.example.com/sinch"
	urlSettingOfVoice = "voice_api_url"
)

// Descriptions of the attributes, which the resource and the data source share.
const (
	keyDescription = "The Voice application's key, from the Sinch dashboard (Voice, Apps). The provider signs each " +
		"request with this key and the application's secret from its `voice_applications` (or `SINCH_APPLICATION_KEY` " +
		"and `SINCH_APPLICATION_SECRET`)."
	primaryDescription = "The URL where Sinch sends the application's callbacks (ICE, ACE, DiCE, PIE...) and asks what " +
		"to do with its calls."
	fallbackDescription = "The URL Sinch calls when `primary_url` times out or answers an error."
)

// subject is an application's callback URLs, for the diagnostics of every family.
func subject(applicationKey string) shared.CallSubject {
	return shared.CallSubject{What: fmt.Sprintf("the callback URLs of Voice application %q", applicationKey), Kind: "callback URLs",
		Missing: fmt.Sprintf("Voice application %q", applicationKey), API: "Voice", DefaultURL: client.DefaultVoiceURL,
		URLSetting: urlSettingOfVoice}
}

// checkCallbackURL accepts an absolute http or https URL, as Sinch does (a plan warns of http).
func checkCallbackURL(raw string) error {
	if raw == "" {
		return fmt.Errorf("is empty: give a URL such as %s, or leave fallback_url out for no fallback", exampleURL)
	}
	return shared.CheckHTTPURL(raw, exampleURL)
}

// urlValidator checks primary_url and fallback_url at validate time.
var urlValidator = shared.StringCheck(checkCallbackURL, "an absolute https URL")

// keyValidator checks application_key at validate time.
var keyValidator = shared.StringCheck(shared.CheckApplicationKey, "a Voice application key")
