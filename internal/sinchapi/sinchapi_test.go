package sinchapi_test

import (
	"net/url"
	"slices"
	"strings"
	"testing"

	"github.com/terraform-sinch/terraform-provider-sinch/internal/sinchapi"
	"github.com/terraform-sinch/terraform-provider-sinch/internal/sinchapi/documented"
)

// Every API of the table has the calls Sinch documents, and names of its own.
func TestCallbackAPIsAreAsSinchDocuments(t *testing.T) {
	seen := map[string]bool{}
	for _, api := range sinchapi.CallbackAPIs {
		want, ok := documented.CallbackConfigurations[api.Key]
		if !ok {
			t.Errorf("%s: no documented calls: transcribe them from Sinch's sources into package documented", api.Key)
			continue
		}
		u, err := url.Parse(api.DefaultURL)
		if err != nil || u.Scheme != "https" || u.Host != want.Host || u.Path != "" {
			t.Errorf("%s: default URL %q, want https://%s", api.Key, api.DefaultURL, want.Host)
		}
		if got := strings.ReplaceAll(api.Path, "{projectId}", "%s"); got != want.Path || api.UpdateMethod != want.Update {
			t.Errorf("%s: %s %s, want %s %s", api.Key, api.UpdateMethod, api.Path, want.Update, want.Path)
		}
		for _, name := range []string{api.Key, api.TypeName, api.URLSetting, api.Name} {
			if name == "" || seen[name] {
				t.Errorf("%s: the name %q is empty or another API's", api.Key, name)
			}
			seen[name] = true
		}
		if !strings.HasSuffix(api.TypeName, "callback_configuration") || !strings.HasSuffix(api.URLSetting, "api_url") {
			t.Errorf("%s: type %q and setting %q do not follow the others", api.Key, api.TypeName, api.URLSetting)
		}
	}
	if len(documented.CallbackConfigurations) != len(sinchapi.CallbackAPIs) {
		t.Errorf("%d APIs are documented, %d in the table", len(documented.CallbackConfigurations), len(sinchapi.CallbackAPIs))
	}
	if _, ok := sinchapi.ByKey("numbers"); !ok {
		t.Error("ByKey does not find numbers")
	}
}

// Every webhook API of the table is as Sinch's sources say, and has names of its own.
func TestWebhookAPIsAreAsSinchDocuments(t *testing.T) {
	seen := map[string]bool{}
	for _, api := range sinchapi.WebhookAPIs {
		want, ok := documented.Webhooks[api.Key]
		if !ok {
			t.Errorf("%s: nothing documented: transcribe it from Sinch's sources into package documented", api.Key)
			continue
		}
		if want.Host != "" && api.DefaultURL != "https://"+want.Host || want.Host == "" && api.DefaultURL != "" {
			t.Errorf("%s: default URL %q, want %q", api.Key, api.DefaultURL, want.Host)
		}
		if api.ScopedByApp != strings.Contains(want.List, "/apps/") || api.UpdateMask != want.Mask || api.Limit != want.PerScope ||
			api.PageSize != want.PageSize || api.TargetUnique != want.TargetUnique || api.SecretsAnswered != want.SecretAnswered {
			t.Errorf("%s: %+v is not what Sinch documents: %+v", api.Key, api, want)
		}
		for _, name := range []string{api.Key, api.TypeName, api.URLSetting, api.Name} {
			if name == "" || seen[name] {
				t.Errorf("%s: the name %q is empty or another API's", api.Key, name)
			}
			seen[name] = true
		}
		if api.All != "" && !slices.Contains(api.Triggers, api.All) {
			t.Errorf("%s: the trigger %s is not among its triggers", api.Key, api.All)
		}
	}
}
