package provider_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/resource"

	"github.com/terraform-sinch/terraform-provider-sinch/internal/acctest"
	"github.com/terraform-sinch/terraform-provider-sinch/internal/provider"
	"github.com/terraform-sinch/terraform-provider-sinch/internal/sinchapi"
	"github.com/terraform-sinch/terraform-provider-sinch/internal/sinchmock"
)

// The secrets Sinch holds in the project that the query tests list: every callback configuration, the
// app, and every webhook hold one, so that one variable gives the generated configuration its secrets.
const heldSecret = "held-by-sinch-7d1e4c2b9a"

// The Voice application of the query tests, whose secret the provider has (SINCH_APPLICATION_KEY).
const (
	queryVoiceKey    = "5e4a6e6c-1b2d-4c3e-9f8a-7b6c5d4e3f2a"
	queryVoiceSecret = "JcmhLNmZlECkyBBTE+uVVw=="
)

// queryProject is a mock with a project as a team finds it before Terraform: a secret in every API and
// on the app, three Conversation webhooks (one with client credentials), and five Provisioning webhooks,
// listed two to a page. It returns the mock and the webhooks' IDs, in the order made.
func queryProject(t *testing.T) (mock *sinchmock.Running, conversation, provisioning []string) {
	t.Helper()
	mock = sinchmock.Start(sinchmock.Options{KeyID: acctest.TestKeyID, KeySecret: acctest.TestKeySecret,
		Projects: map[string]string{"project-1": heldSecret}, Apps: map[string]string{"app-1": "project-1"}, ProvisioningPageSize: 2,
		VoiceApps: map[string]sinchmock.VoiceApp{queryVoiceKey: {Secret: queryVoiceSecret,
			URLs: sinchmock.VoiceURLs{Primary: "https://callbacks.example.com/sinch/voice"}}},
		ActiveNumbersPageSize: 2, ActiveNumbers: map[string][]sinchmock.ActiveNumber{"project-1": {
			{PhoneNumber: "+12025550100", RegionCode: "US", Type: "LOCAL", Capability: []string{"SMS", "VOICE"}, DisplayName: "Support line",
				CallbackURL:        "https://callbacks.example.com/sinch/numbers",
				SMSConfiguration:   &sinchmock.SMSConfiguration{ServicePlanID: "plan-a"},
				VoiceConfiguration: &sinchmock.VoiceConfiguration{Type: "RTC", AppID: "voice-app-1"}},
			{PhoneNumber: "+12025550101", RegionCode: "US", Type: "LOCAL", Capability: []string{"SMS"}},
			{PhoneNumber: "+15145550102", RegionCode: "CA", Type: "MOBILE", Capability: []string{"SMS", "VOICE"}},
		}}})
	t.Cleanup(mock.Close)
	mock.SetAppCallbackSecret("app-1", heldSecret)
	for _, hook := range []sinchmock.Webhook{
		{AppID: "app-1", Target: "https://callbacks.example.com/sinch/conversation", Triggers: []string{"MESSAGE_DELIVERY", "MESSAGE_INBOUND"}, Secret: heldSecret},
		{AppID: "app-1", Target: "https://callbacks.example.com/sinch/contacts", Triggers: []string{"CONTACT_CREATE"}, Secret: heldSecret},
		{AppID: "app-1", Target: "https://legacy.example.net/hook", Triggers: []string{"MESSAGE_DELIVERY"}, Secret: heldSecret,
			ClientCredentials: &sinchmock.ClientCredentials{ClientID: "legacy-client", ClientSecret: heldSecret, Endpoint: "https://auth.example.net/token"}},
	} {
		conversation = append(conversation, mock.AddWebhook("project-1", hook))
	}
	for i, trigger := range []string{"ALL", "WHATSAPP_SENDER_ACTIVE", "RCS_SENDER_STATUS_UPDATED", "BUNDLE_DONE", "WHATSAPP_TEMPLATE_APPROVED"} {
		host := "https://onboarding.example.com/"
		if i >= 3 {
			host = "https://legacy.example.net/"
		}
		provisioning = append(provisioning, mock.AddProvisioningWebhook("project-1", sinchmock.ProvisioningWebhook{
			Target: fmt.Sprintf("%sevents/%d", host, i), Triggers: []string{trigger}, Secret: heldSecret}))
	}
	return mock, conversation, provisioning
}

// queryRun is a CLI run on an engine with list resources, with the provider's configuration and the
// query file.
func queryRun(t *testing.T, mock *sinchmock.Running, query string) (*acctest.CLIRun, []string) {
	t.Helper()
	r := acctest.NewCLIRun(t, mock)
	acctest.RequireQuery(t, r)
	acctest.WriteFile(t, filepath.Join(r.Dir, "main.tf"), acctest.CLIProviderBlock+"\nprovider \"sinch\" {}\n")
	acctest.WriteFile(t, filepath.Join(r.Dir, "project.tfquery.hcl"), query)
	return r, []string{"SINCH_KEY_SECRET=" + acctest.TestKeySecret, "SINCH_PROJECT_ID=project-1", "TF_VAR_secret=" + heldSecret,
		"SINCH_APPLICATION_KEY=" + queryVoiceKey, "SINCH_APPLICATION_SECRET=" + queryVoiceSecret}
}

// found is a result of `terraform query -json`.
type found struct {
	Address     string            `json:"address"`
	DisplayName string            `json:"display_name"`
	Identity    map[string]any    `json:"identity"`
	Resource    map[string]any    `json:"resource_object"`
	Type        string            `json:"resource_type"`
	Extra       map[string]string `json:"-"`
}

// queryResults reads the results of `terraform query -json`, by list block.
func queryResults(t *testing.T, out string) map[string][]found {
	t.Helper()
	results := map[string][]found{}
	for _, line := range strings.Split(out, "\n") {
		var event struct {
			Type  string `json:"type"`
			Found found  `json:"list_resource_found"`
		}
		if json.Unmarshal([]byte(line), &event) == nil && event.Type == "list_resource_found" {
			results[event.Found.Address] = append(results[event.Found.Address], event.Found)
		}
	}
	return results
}

const everyListQuery = `
list "sinch_conversation_webhook" "all" {
  provider         = sinch
  include_resource = true
  config {
    app_id = "app-1"
  }
}

list "sinch_conversation_webhook" "deliveries" {
  provider = sinch
  config {
    app_id  = "app-1"
    trigger = "MESSAGE_DELIVERY"
  }
}

list "sinch_provisioning_webhook" "all" {
  provider         = sinch
  include_resource = true
}

list "sinch_provisioning_webhook" "onboarding" {
  provider = sinch
  config {
    target_prefix = "https://onboarding.example.com/"
    trigger       = "WHATSAPP_SENDER_ACTIVE"
  }
}

list "sinch_conversation_app_callback_settings" "app" {
  provider         = sinch
  include_resource = true
  config {
    app_id = "app-1"
  }
}

list "sinch_active_number" "all" {
  provider         = sinch
  include_resource = true
}

list "sinch_active_number" "us_voice" {
  provider = sinch
  config {
    region_code = "US"
    capability  = "VOICE"
  }
}

list "sinch_voice_application_callbacks" "all" {
  provider         = sinch
  include_resource = true
}
`

// Every type's list, through the real CLI (Terraform 1.14 and later): each finds its objects, pages
// to the end where Sinch pages, applies its filters, and gives each object its identity, write-only, and
// a resource object without a secret; neither `terraform query -json` nor the TRACE log shows one.
func TestAccQuery_everyType(t *testing.T) {
	mock, conversation, provisioning := queryProject(t)
	query := everyListQuery
	for _, api := range sinchapi.CallbackAPIs {
		query += fmt.Sprintf("\nlist %q \"project\" {\n  provider         = sinch\n  include_resource = true\n}\n", "sinch_"+api.TypeName)
	}
	r, env := queryRun(t, mock, query)
	results := queryResults(t, r.Run(true, env, "query", "-json"))

	ids := func(address string) []string {
		var got []string
		for _, f := range results[address] {
			if f.Identity["write_only"] != true || f.Identity["project_id"] != "project-1" {
				t.Errorf("%s: identity %v, want project-1 and write_only = true", address, f.Identity)
			}
			id, _ := f.Identity["webhook_id"].(string)
			got = append(got, id)
		}
		return got
	}
	for address, want := range map[string][]string{
		"list.sinch_conversation_webhook.all":        conversation,
		"list.sinch_conversation_webhook.deliveries": {conversation[0], conversation[2]},
		// Five webhooks over three pages of two.
		"list.sinch_provisioning_webhook.all": provisioning,
		// A prefix and a trigger: ALL sends every trigger.
		"list.sinch_provisioning_webhook.onboarding": {provisioning[0], provisioning[1]},
	} {
		// Sinch's order is its own (the mock's, by ID).
		if got := ids(address); !slices.Equal(slices.Sorted(slices.Values(got)), slices.Sorted(slices.Values(want))) {
			t.Errorf("%s found %v, want %v", address, got, want)
		}
	}
	for _, address := range append([]string{"list.sinch_conversation_app_callback_settings.app"}, callbackListAddresses()...) {
		if n := len(ids(address)); n != 1 {
			t.Errorf("%s found %d objects, want the one", address, n)
		}
	}
	var legacy found
	for _, f := range results["list.sinch_conversation_webhook.all"] {
		if f.Identity["webhook_id"] == conversation[2] {
			legacy = f
		}
	}
	if !strings.Contains(legacy.DisplayName, "client credentials of legacy-client at https://auth.example.net/token") ||
		legacy.Resource["target"] != "https://legacy.example.net/hook" {
		t.Errorf("the webhook with client credentials: %+v", legacy)
	}
	phones := func(address string) (got []string) {
		for _, f := range results[address] {
			phone, _ := f.Identity["phone_number"].(string)
			got = append(got, phone)
		}
		return got
	}
	// Three numbers over two pages; the filters are Sinch's.
	if got := phones("list.sinch_active_number.all"); len(got) != 3 || !slices.Equal(phones("list.sinch_active_number.us_voice"), []string{"+12025550100"}) {
		t.Errorf("the numbers found: all %v, US voice %v", got, phones("list.sinch_active_number.us_voice"))
	}
	for _, f := range results["list.sinch_active_number.us_voice"] {
		if f.DisplayName != "+12025550100 (US LOCAL): SMS to service plan plan-a, voice RTC voice-app-1" {
			t.Errorf("a number's display name: %q", f.DisplayName)
		}
	}
	if voice := results["list.sinch_voice_application_callbacks.all"]; len(voice) != 1 || voice[0].Identity["application_key"] != queryVoiceKey ||
		voice[0].Resource["primary_url"] != "https://callbacks.example.com/sinch/voice" {
		t.Errorf("the Voice applications found: %+v", voice)
	}
	if app := results["list.sinch_conversation_app_callback_settings.app"]; len(app) == 1 && app[0].Resource["app_id"] != "app-1" {
		t.Errorf("the app's resource object: %v", app[0].Resource)
	}
	for _, out := range append(r.Outputs, r.Log()) {
		if strings.Contains(out, heldSecret) || strings.Contains(out, queryVoiceSecret) {
			t.Error("the query's output or the TRACE log holds a secret")
		}
	}
	if !strings.Contains(r.Log(), "path=/v1/projects/project-1/webhooks") {
		t.Fatal("the TRACE log lacks the provider's entries: the check proves nothing")
	}
}

// topLevelBlocks are the blocks of a configuration, sorted, one blank line apart: Terraform runs the
// list blocks side by side and writes each one's configuration as it ends, in no fixed order.
func topLevelBlocks(hcl string) string {
	blocks := regexp.MustCompile(`(?ms)^\S[^\n]*\{\n.*?^\}\n`).FindAllString(hcl, -1)
	slices.Sort(blocks)
	return strings.Join(blocks, "\n")
}

func callbackListAddresses() []string {
	var addresses []string
	for _, api := range sinchapi.CallbackAPIs {
		addresses = append(addresses, "list.sinch_"+api.TypeName+".project")
	}
	return addresses
}

// A query's limit stops the list, and the pages: two webhooks of a list of two to a page are one GET. A
// failed call is a result with the provider's diagnostic, not an empty list.
func TestAccQuery_limitAndFailure(t *testing.T) {
	mock, _, provisioning := queryProject(t)
	r, env := queryRun(t, mock, `
list "sinch_provisioning_webhook" "first_two" {
  provider = sinch
  limit    = 2
}
`)
	before := len(mock.Requests())
	results := queryResults(t, r.Run(true, env, "query", "-json"))
	var got []string
	for _, f := range results["list.sinch_provisioning_webhook.first_two"] {
		id, _ := f.Identity["webhook_id"].(string)
		got = append(got, id)
	}
	if len(got) != 2 || got[0] == got[1] || !slices.Contains(provisioning, got[0]) || !slices.Contains(provisioning, got[1]) {
		t.Errorf("a limit of 2 found %v, want two of %v", got, provisioning)
	}
	lists := 0
	for _, req := range mock.Requests()[before:] {
		if req.Method == http.MethodGet && req.API == sinchmock.Provisioning && req.Path == "/v1/projects/project-1/webhooks" {
			lists++
		}
	}
	if lists != 1 {
		t.Errorf("a limit of 2, on pages of 2, read %d pages", lists)
	}

	acctest.WriteFile(t, filepath.Join(r.Dir, "project.tfquery.hcl"), `
list "sinch_numbers_callback_configuration" "gone" {
  provider = sinch
  config {
    project_id = "project-9"
  }
}

list "sinch_conversation_webhook" "no_app" {
  provider = sinch
  config {
    app_id = "app-9"
  }
}
`)
	out := acctest.Prose(r.Run(false, env, "query"))
	for _, want := range []string{"Not found at Sinch", `Sinch says project "project-9" does not exist`, `app "app-9"`} {
		if !strings.Contains(out, want) {
			t.Errorf("the failed lists do not say %q:\n%s", want, out)
		}
	}
}

// What `terraform query -generate-config-out` writes for each type, pinned (testdata/query/generated.tf,
// the webhooks' IDs aside), and the documented path from it to a plan with no change: set each
// write-only secret (and write out a webhook's client credentials), plan (every object imported, and
// nothing changed but the Provisioning webhooks' secrets, which no import can read), apply, plan.
func TestAccQuery_generatedConfiguration(t *testing.T) {
	mock, conversation, provisioning := queryProject(t)
	query := `
list "sinch_conversation_webhook" "app" {
  provider = sinch
  config {
    app_id = "app-1"
  }
}

list "sinch_provisioning_webhook" "onboarding" {
  provider = sinch
  config {
    target_prefix = "https://onboarding.example.com/"
  }
}

list "sinch_conversation_app_callback_settings" "app" {
  provider = sinch
  config {
    app_id = "app-1"
  }
}

list "sinch_active_number" "project" {
  provider = sinch
}

list "sinch_voice_application_callbacks" "all" {
  provider = sinch
}
`
	for _, api := range sinchapi.CallbackAPIs {
		query += fmt.Sprintf("\nlist %q \"project\" {\n  provider = sinch\n}\n", "sinch_"+api.TypeName)
	}
	r, env := queryRun(t, mock, query)
	r.Run(true, env, "query", "-generate-config-out=generated.tf")
	generated := acctest.ReadPage(t, filepath.Join(r.Dir, "generated.tf"))
	pinned := topLevelBlocks(generated)
	for i, id := range conversation {
		pinned = strings.ReplaceAll(pinned, id, fmt.Sprintf("<conversation webhook %d>", i))
	}
	for i, id := range provisioning {
		pinned = strings.ReplaceAll(pinned, id, fmt.Sprintf("<provisioning webhook %d>", i))
	}
	golden := filepath.Join("testdata", "query", "generated.tf")
	if os.Getenv("SINCH_UPDATE_GOLDEN") != "" {
		acctest.WriteFile(t, golden, pinned)
	}
	if want := acctest.ReadPage(t, golden); pinned != want {
		t.Errorf("terraform query -generate-config-out wrote (want %s, SINCH_UPDATE_GOLDEN=1 to update):\n%s", golden, pinned)
	}
	if strings.Contains(generated, heldSecret) {
		t.Error("the generated configuration holds a secret")
	}

	// The documented edit: each write-only secret from a variable; client_credentials, which Terraform
	// writes as {} for every Conversation webhook (it is sensitive as a whole), written out for the webhook
	// whose display name names client credentials, and deleted for the others.
	edited := regexp.MustCompile(`(?m)^(\s*)((?:hmac_)?secret_wo)(\s*)= null # sensitive$`).ReplaceAllString(generated, "${1}${2}${3}= var.secret")
	blocks := strings.SplitAfter(edited, "\n}\n")
	for i, block := range blocks {
		credentials := "\n"
		if strings.Contains(block, `target             = "https://legacy.example.net/hook"`) {
			credentials = `
  client_credentials = {
    client_id        = "legacy-client"
    endpoint         = "https://auth.example.net/token"
    client_secret_wo = var.secret
  }
`
		}
		blocks[i] = strings.Replace(block, "\n  client_credentials = {} # sensitive\n", credentials, 1)
	}
	edited = strings.Join(blocks, "")
	acctest.WriteFile(t, filepath.Join(r.Dir, "generated.tf"), edited)
	// The onboarding list found the three webhooks under https://onboarding.example.com/.
	want := fmt.Sprintf("Plan: %d to import, 0 to add, 3 to change, 0 to destroy.", len(sinchapi.CallbackAPIs)+len(conversation)+1+3+3+1)
	out := r.Run(true, env, "plan", "-input=false")
	if !strings.Contains(out, want) || strings.Count(out, "# sinch_provisioning_webhook.") != 3 ||
		strings.Count(out, "will be updated in-place") != 3 || !strings.Contains(acctest.Prose(out), "The apply writes the webhook's secret") {
		t.Errorf("the plan of the generated configuration, secrets set, does not say %q, with the three Provisioning webhooks' writes alone:\n%s", want, out)
	}
	r.Run(true, env, "apply", "-input=false", "-auto-approve")
	r.Run(true, env, "plan", "-input=false", "-detailed-exitcode")
	if r.StateHolds(heldSecret) {
		t.Error("the state holds a secret")
	}
}

// Every resource type with an identity has a list resource of the same name, for `terraform query`.
func TestListResources_everyTypeWithIdentity(t *testing.T) {
	ctx := context.Background()
	p := &provider.SinchProvider{}
	listed := map[string]bool{}
	for _, f := range p.ListResources(ctx) {
		var resp resource.MetadataResponse
		f().Metadata(ctx, resource.MetadataRequest{ProviderTypeName: "sinch"}, &resp)
		listed[resp.TypeName] = true
	}
	withIdentity := 0
	for _, f := range p.Resources(ctx) {
		r := f()
		var meta resource.MetadataResponse
		r.Metadata(ctx, resource.MetadataRequest{ProviderTypeName: "sinch"}, &meta)
		if _, ok := r.(resource.ResourceWithIdentity); !ok {
			continue
		}
		withIdentity++
		if !listed[meta.TypeName] {
			t.Errorf("%s has an identity, but no list resource", meta.TypeName)
		}
	}
	if withIdentity < len(sinchapi.CallbackAPIs)+3 {
		t.Fatalf("%d resource types with an identity: the check proves nothing", withIdentity)
	}
}
