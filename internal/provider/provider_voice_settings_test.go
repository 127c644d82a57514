package provider

import (
	"maps"
	"slices"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// Two Voice applications with base64 secrets, as Sinch's dashboard gives them, and a third secret.
const (
	appOne, secretOne = "5e4a6e6c-1b2d-4c3e-9f8a-7b6c5d4e3f2a", "JcmhLNmZlECkyBBTE+uVVw=="
	appTwo, secretTwo = "0f1e2d3c-4b5a-4968-8776-655443322110", "b3RoZXItYXBwbGljYXRpb24tc2VjcmV0"
	otherSecret       = "YW5vdGhlci1zZWNyZXQtb2YtYXBwLW9uZQ=="
)

func TestResolveVoiceApplications(t *testing.T) {
	block := func(elements map[string]attr.Value) types.Map {
		return types.MapValueMust(types.StringType, elements)
	}
	fromBlock := func(key string) string { return `voice_applications["` + key + `"] in the provider block` }
	const fromEnv = "SINCH_APPLICATION_KEY and SINCH_APPLICATION_SECRET"
	for name, tc := range map[string]struct {
		block types.Map
		env   map[string]string
		// wantFrom is where each application's secret comes from; wantSecrets the secrets.
		wantFrom, wantSecrets map[string]string
		wantUnknown           bool
		wantUnknownSecrets    []string
		// wantError and wantWarning are texts of the one error or warning, at path wantAt.
		wantError, wantWarning string
		wantAt                 path.Path
	}{
		"none": {block: types.MapNull(types.StringType)},
		"the block": {
			block:       block(map[string]attr.Value{appOne: types.StringValue(secretOne), appTwo: types.StringValue(secretTwo)}),
			wantSecrets: map[string]string{appOne: secretOne, appTwo: secretTwo},
			wantFrom:    map[string]string{appOne: fromBlock(appOne), appTwo: fromBlock(appTwo)},
		},
		"the environment adds one": {
			block:       block(map[string]attr.Value{appOne: types.StringValue(secretOne)}),
			env:         map[string]string{"SINCH_APPLICATION_KEY": appTwo, "SINCH_APPLICATION_SECRET": secretTwo},
			wantSecrets: map[string]string{appOne: secretOne, appTwo: secretTwo},
			wantFrom:    map[string]string{appOne: fromBlock(appOne), appTwo: fromEnv},
		},
		"the environment alone": {
			block:       types.MapNull(types.StringType),
			env:         map[string]string{"SINCH_APPLICATION_KEY": appTwo, "SINCH_APPLICATION_SECRET": secretTwo},
			wantSecrets: map[string]string{appTwo: secretTwo},
			wantFrom:    map[string]string{appTwo: fromEnv},
		},
		"the same application in both, with the same secret": {
			block:       block(map[string]attr.Value{appOne: types.StringValue(secretOne)}),
			env:         map[string]string{"SINCH_APPLICATION_KEY": appOne, "SINCH_APPLICATION_SECRET": secretOne},
			wantSecrets: map[string]string{appOne: secretOne},
			wantFrom:    map[string]string{appOne: fromBlock(appOne)},
		},
		"the same application in both, with two secrets: the block's, and a warning": {
			block:       block(map[string]attr.Value{appOne: types.StringValue(secretOne)}),
			env:         map[string]string{"SINCH_APPLICATION_KEY": appOne, "SINCH_APPLICATION_SECRET": otherSecret},
			wantSecrets: map[string]string{appOne: secretOne},
			wantFrom:    map[string]string{appOne: fromBlock(appOne)},
			wantWarning: `both give a secret for Voice application "` + appOne + `", and the two differ. The provider signs its requests with the block's`,
			wantAt:      path.Root("voice_applications").AtMapKey(appOne),
		},
		"a key without its secret": {
			block:     types.MapNull(types.StringType),
			env:       map[string]string{"SINCH_APPLICATION_KEY": appOne},
			wantError: `SINCH_APPLICATION_KEY is set (to "` + appOne + `"), but SINCH_APPLICATION_SECRET is not`,
			wantAt:    path.Root("voice_applications"),
		},
		"a secret without its key": {
			block:     types.MapNull(types.StringType),
			env:       map[string]string{"SINCH_APPLICATION_SECRET": secretOne},
			wantError: "SINCH_APPLICATION_SECRET is set, but SINCH_APPLICATION_KEY is not",
			wantAt:    path.Root("voice_applications"),
		},
		"a secret of the block that is not base64": {
			block:     block(map[string]attr.Value{appOne: types.StringValue("not-base64-secret!")}),
			wantError: `The secret of Voice application "` + appOne + `", from ` + fromBlock(appOne) + `, is not base64`,
			wantAt:    path.Root("voice_applications").AtMapKey(appOne),
		},
		"a secret of the block with a space at the end": {
			block:     block(map[string]attr.Value{appOne: types.StringValue(secretOne + " ")}),
			wantError: "it starts or ends with white space",
			wantAt:    path.Root("voice_applications").AtMapKey(appOne),
		},
		"an empty secret of the block": {
			block:     block(map[string]attr.Value{appOne: types.StringValue("")}),
			wantError: `The secret of Voice application "` + appOne + `", from ` + fromBlock(appOne) + `, is empty`,
			wantAt:    path.Root("voice_applications").AtMapKey(appOne),
		},
		"a secret of the environment that is not base64": {
			block:     types.MapNull(types.StringType),
			env:       map[string]string{"SINCH_APPLICATION_KEY": appOne, "SINCH_APPLICATION_SECRET": "not-base64-secret!"},
			wantError: `The secret of Voice application "` + appOne + `", from ` + fromEnv + `, is not base64`,
			wantAt:    path.Root("voice_applications"),
		},
		"a key that is not an application key": {
			block:     block(map[string]attr.Value{"my app": types.StringValue(secretOne)}),
			wantError: `"my app" is not a Voice application key`,
			wantAt:    path.Root("voice_applications").AtMapKey("my app"),
		},
		"the map known only after apply: the environment is not read": {
			block:       types.MapUnknown(types.StringType),
			env:         map[string]string{"SINCH_APPLICATION_KEY": appOne, "SINCH_APPLICATION_SECRET": "not-base64-secret!"},
			wantUnknown: true,
		},
		"a secret known only after apply: the block's, whatever it is": {
			block:              block(map[string]attr.Value{appOne: types.StringUnknown(), appTwo: types.StringValue(secretTwo)}),
			env:                map[string]string{"SINCH_APPLICATION_KEY": appOne, "SINCH_APPLICATION_SECRET": otherSecret},
			wantSecrets:        map[string]string{appTwo: secretTwo},
			wantFrom:           map[string]string{appTwo: fromBlock(appTwo)},
			wantUnknownSecrets: []string{appOne},
		},
	} {
		t.Run(name, func(t *testing.T) {
			clearSinchEnv(t)
			t.Setenv("SINCH_APPLICATION_KEY", "")
			t.Setenv("SINCH_APPLICATION_SECRET", "")
			for k, v := range tc.env {
				t.Setenv(k, v)
			}
			v, diags := resolveVoiceApplications(tc.block)
			expectOne(t, "error", diags.Errors(), tc.wantError, tc.wantAt)
			expectOne(t, "warning", diags.Warnings(), tc.wantWarning, tc.wantAt)
			if tc.wantError == "" && (!maps.Equal(v.secrets, tc.wantSecrets) || !maps.Equal(v.from, tc.wantFrom)) {
				t.Errorf("from %v, want %v (or other secrets)", v.from, tc.wantFrom)
			}
			if v.unknown != tc.wantUnknown || !slices.Equal(v.unknownSecrets, tc.wantUnknownSecrets) {
				t.Errorf("unknown %v %v, want %v %v", v.unknown, v.unknownSecrets, tc.wantUnknown, tc.wantUnknownSecrets)
			}
			for _, d := range diags {
				for _, secret := range []string{secretOne, secretTwo, otherSecret, "not-base64-secret!"} {
					if strings.Contains(d.Summary()+d.Detail(), secret) {
						t.Errorf("a diagnostic shows a secret: %s", d.Detail())
					}
				}
			}
		})
	}
}

// expectOne fails unless diags is one diagnostic at the path that says text, or none when text is empty.
func expectOne(t *testing.T, kind string, diags diag.Diagnostics, text string, at path.Path) {
	t.Helper()
	switch {
	case text == "" && len(diags) == 0:
	case text == "" || len(diags) != 1:
		t.Errorf("%d %ss %v, want one saying %q", len(diags), kind, diags, text)
	case !strings.Contains(diags[0].Detail(), text):
		t.Errorf("the %s %q does not say %q", kind, diags[0].Detail(), text)
	default:
		if withPath, ok := diags[0].(diag.DiagnosticWithPath); !ok || !withPath.Path().Equal(at) {
			t.Errorf("the %s is not at %s: %v", kind, at, diags[0])
		}
	}
}
