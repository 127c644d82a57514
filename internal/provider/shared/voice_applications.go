package shared

import (
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"

	"github.com/terraform-sinch/terraform-provider-sinch/internal/client"
	"github.com/terraform-sinch/terraform-provider-sinch/internal/sinchapi"
)

// The Voice API takes no access token: every request is signed with the key and secret of the
// application it is about. The provider's setting voice_applications gives the secrets, by application
// key; SINCH_APPLICATION_KEY and SINCH_APPLICATION_SECRET, the environment variables of Sinch's SDK
// examples, add one application.
const (
	VoiceApplicationsSetting = "voice_applications"
	ApplicationKeyEnv        = "SINCH_APPLICATION_KEY"
	ApplicationSecretEnv     = "SINCH_APPLICATION_SECRET"
	// VoiceSecretFromEnv says that an application's secret came from the environment.
	VoiceSecretFromEnv = ApplicationKeyEnv + " and " + ApplicationSecretEnv
	// AttrApplicationKey is the attribute that names a Voice application.
	AttrApplicationKey = "application_key"
)

// VoiceSettings are the settings that the Voice API's calls need: its URL, the applications' secrets,
// and HTTPSettings. They need no access key.
var VoiceSettings = []string{"voice_api_url", VoiceApplicationsSetting, "max_retries", "request_timeout"}

// VoiceSecretFromBlock says that an application's secret came from the provider block.
func VoiceSecretFromBlock(applicationKey string) string {
	return fmt.Sprintf("%s[%q] in the provider block", VoiceApplicationsSetting, applicationKey)
}

// EnvVarsOf names the environment variables of a provider setting: SINCH_ and its name in capitals, or,
// for voice_applications, the two that add one application.
func EnvVarsOf(setting string) string {
	if setting == VoiceApplicationsSetting {
		return VoiceSecretFromEnv
	}
	return sinchapi.EnvVarOf(setting)
}

// CheckApplicationKey accepts what ProjectIDPattern does, which keeps an application key to what stands
// in a URL path, and before the ':' of a signed request's Authorization header, as it is (Sinch's keys are
// UUIDs), and says where to find an application key otherwise.
func CheckApplicationKey(key string) error {
	if !ProjectIDPattern.MatchString(key) {
		return fmt.Errorf("%q is not a Voice application key: copy the key from the Sinch dashboard (Voice, Apps), "+
			"such as 5e4a6e6c-1b2d-4c3e-9f8a-7b6c5d4e3f2a", key)
	}
	return nil
}

// VoiceCalls returns the Voice API's calls for an application, or nil after adding an error: when a
// setting they need, or the application's secret, is known only after apply; when the provider has no
// secret for the application (see CheckVoiceSecret); or when the provider was not configured.
func (d *ProviderData) VoiceCalls(applicationKey string, diags *diag.Diagnostics) *client.VoiceApplications {
	switch {
	case d == nil || d.Voice == nil || d.Unknown(VoiceSettings...):
		d.notConfigured(diags, VoiceSettings)
	case slices.Contains(d.VoiceSecretsUnknown, applicationKey):
		diags.AddAttributeError(path.Root(AttrApplicationKey), "Sinch provider setting not known yet", fmt.Sprintf(
			"The secret of Voice application %q in the provider's %s depends on a value that is known only after "+
				"apply, and this step must call Sinch (to refresh a resource, or to read a data source). Give it a value "+
				"known at plan time, or set %s instead. Resources that are only being created need no call at plan time.",
			applicationKey, VoiceApplicationsSetting, VoiceSecretFromEnv))
	case d.CheckVoiceSecret(applicationKey, diags):
		return d.Voice
	}
	return nil
}

// CheckVoiceSecret tells whether the provider has a secret for an application, or may have one once a
// value known only after apply is known; when it surely has none, it adds an error, at application_key,
// that says where to give it.
func (d *ProviderData) CheckVoiceSecret(applicationKey string, diags *diag.Diagnostics) bool {
	if !d.NoVoiceSecret(applicationKey) {
		return true
	}
	has := "The provider has the secret of no Voice application."
	if keys := slices.Sorted(maps.Keys(d.VoiceSecretFrom)); len(keys) > 0 {
		has = fmt.Sprintf("The provider has the secrets of %s.", strings.Join(Quoted(keys), ", "))
	}
	diags.AddAttributeError(path.Root(AttrApplicationKey), "No secret for this Voice application", fmt.Sprintf(
		"The provider has no secret for Voice application %q, and Sinch's Voice API takes only requests signed with "+
			"the application's own key and secret (the access key does not reach it). Add the application to the "+
			"provider's %s, as %s = { %q = var.voice_application_secret }, or set %s; the Sinch dashboard shows "+
			"both under Voice, Apps. %s", applicationKey, VoiceApplicationsSetting, VoiceApplicationsSetting, applicationKey,
		VoiceSecretFromEnv, has))
	return false
}

// NoVoiceSecret tells whether the provider surely has no secret for an application: not one known only
// after apply either. Before Configure resolved the secrets (VoiceSecretFrom is nil), it cannot tell.
func (d *ProviderData) NoVoiceSecret(applicationKey string) bool {
	if d == nil || d.VoiceSecretFrom == nil || d.Unknown(VoiceApplicationsSetting) || slices.Contains(d.VoiceSecretsUnknown, applicationKey) {
		return false
	}
	_, ok := d.VoiceSecretFrom[applicationKey]
	return !ok
}

// VoiceApplicationKeys are the keys of the Voice applications whose secrets the provider has, in order.
func (d *ProviderData) VoiceApplicationKeys() []string {
	if d == nil {
		return nil
	}
	return slices.Sorted(maps.Keys(d.VoiceSecretFrom))
}
