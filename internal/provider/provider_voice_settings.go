package provider

import (
	"context"
	"fmt"
	"os"
	"slices"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/terraform-sinch/terraform-provider-sinch/internal/client"
	"github.com/terraform-sinch/terraform-provider-sinch/internal/provider/shared"
)

// voiceApplications are the secrets of the Voice applications whose requests the provider signs, as
// resolveVoiceApplications found them.
type voiceApplications struct {
	// secrets are the known secrets, by application key; from says where each came from, for messages.
	secrets, from map[string]string
	// unknownSecrets are the application keys whose secret the block sets to a value known only after apply.
	unknownSecrets []string
	// unknown says that the block's map itself is known only after apply.
	unknown bool
}

// readVoiceApplications reads voice_applications from the provider block.
func readVoiceApplications(ctx context.Context, config tfsdk.Config, diags *diag.Diagnostics) types.Map {
	var applications types.Map
	diags.Append(config.GetAttribute(ctx, path.Root(shared.VoiceApplicationsSetting), &applications)...)
	return applications
}

// resolveVoiceApplications takes the applications of the block's voice_applications, and the one of
// SINCH_APPLICATION_KEY with SINCH_APPLICATION_SECRET, which the block's entry of the same key beats
// (with a warning when the two secrets differ). Each key and each known secret is checked; an error names
// the application and where its secret came from, never a secret. A map known only after apply is no
// error, as with the other settings: it is unknown, and the environment is not read, as the map may name
// the environment's application.
func resolveVoiceApplications(block types.Map) (voiceApplications, diag.Diagnostics) {
	var diags diag.Diagnostics
	setting := path.Root(shared.VoiceApplicationsSetting)
	v := voiceApplications{secrets: map[string]string{}, from: map[string]string{}}
	if block.IsUnknown() {
		v.unknown = true
		return v, diags
	}
	for key, element := range block.Elements() {
		at := setting.AtMapKey(key)
		secret, _ := element.(types.String) // the schema's element type
		switch err := shared.CheckApplicationKey(key); {
		case err != nil:
			diags.AddAttributeError(at, "Invalid Sinch provider setting", fmt.Sprintf("A key of %s: %s.", shared.VoiceApplicationsSetting, err))
		case secret.IsUnknown():
			v.unknownSecrets = append(v.unknownSecrets, key)
		default:
			v.add(key, secret.ValueString(), shared.VoiceSecretFromBlock(key), at, &diags)
		}
	}
	key, secret := os.Getenv(shared.ApplicationKeyEnv), os.Getenv(shared.ApplicationSecretEnv)
	inBlock, _ := block.Elements()[key].(types.String)
	switch {
	case key == "" && secret == "":
	case key == "":
		diags.AddAttributeError(setting, "Invalid Sinch provider setting", fmt.Sprintf(
			"%s is set, but %s is not: the two together name one Voice application and its secret. Set %s to the "+
				"application's key (Sinch dashboard, Voice, Apps), or unset %s.",
			shared.ApplicationSecretEnv, shared.ApplicationKeyEnv, shared.ApplicationKeyEnv, shared.ApplicationSecretEnv))
	case secret == "":
		diags.AddAttributeError(setting, "Invalid Sinch provider setting", fmt.Sprintf(
			"%s is set (to %q), but %s is not: the two together name one Voice application and its secret. Set %s "+
				"to the secret of application %q (Sinch dashboard, Voice, Apps), or unset %s.",
			shared.ApplicationKeyEnv, key, shared.ApplicationSecretEnv, shared.ApplicationSecretEnv, key, shared.ApplicationKeyEnv))
	case inBlock.IsUnknown():
		// The block's, whatever it turns out to be.
	case !inBlock.IsNull():
		if inBlock.ValueString() != secret {
			diags.AddAttributeWarning(setting.AtMapKey(key), "Two secrets for one Voice application", fmt.Sprintf(
				"The provider's %s and the environment (%s) both give a secret for Voice application %q, and the two "+
					"differ. The provider signs its requests with the block's, and ignores the environment's. Give the "+
					"application's secret in one place.", shared.VoiceApplicationsSetting, shared.VoiceSecretFromEnv, key))
		}
	default:
		if err := shared.CheckApplicationKey(key); err != nil {
			diags.AddAttributeError(setting, "Invalid Sinch provider setting", fmt.Sprintf(
				"The %s environment variable: %s.", shared.ApplicationKeyEnv, err))
			break
		}
		v.add(key, secret, shared.VoiceSecretFromEnv, setting, &diags)
	}
	slices.Sort(v.unknownSecrets)
	return v, diags
}

// add takes an application's secret when it is one, and says why not otherwise.
func (v *voiceApplications) add(key, secret, from string, at path.Path, diags *diag.Diagnostics) {
	if _, err := client.DecodeApplicationSecret(secret); err != nil {
		diags.AddAttributeError(at, "Invalid Sinch provider setting", fmt.Sprintf(
			"The secret of Voice application %q, from %s, %s. Copy the application secret from the Sinch dashboard "+
				"(Voice, Apps).", key, from, err))
		return
	}
	v.secrets[key], v.from[key] = secret, from
}
