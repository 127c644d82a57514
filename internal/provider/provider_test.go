package provider

import (
	"context"
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/terraform-sinch/terraform-provider-sinch/internal/client"
	"github.com/terraform-sinch/terraform-provider-sinch/internal/sinchmock"
)

// The access key the mock accepts. The secret is distinctive so that a test can look for it in output.
const (
	testKeyID     = "test-key-id"
	testKeySecret = "test-key-secret-8d2e61"
)

// testEnv is a mock Sinch API and a provider that talks to it.
type testEnv struct {
	mock *sinchmock.Running
	// factories hands Terraform one provider server for the whole test, as one long-lived provider
	// process would be, so that a test can count the tokens the provider fetches.
	factories map[string]func() (tfprotov6.ProviderServer, error)
	// baseline is what the mock had counted when the current step began.
	baseline sinchmock.Counts
}

func newTestEnv(t *testing.T, projects map[string]string) *testEnv {
	t.Helper()
	mock := sinchmock.Start(sinchmock.Options{KeyID: testKeyID, KeySecret: testKeySecret, Projects: projects})
	t.Cleanup(mock.Close)
	return newTestEnvFor(mock)
}

// newTestEnvFor is newTestEnv with a mock of the caller's.
func newTestEnvFor(mock *sinchmock.Running) *testEnv {
	server := providerserver.NewProtocol6(New("test")())()
	return &testEnv{
		mock: mock,
		factories: map[string]func() (tfprotov6.ProviderServer, error){
			"sinch": func() (tfprotov6.ProviderServer, error) { return server, nil },
		},
	}
}

// processPerCommand makes Terraform start a new provider for every command, as it starts a new plugin
// process for each: nothing the provider keeps in memory lasts from one command to the next.
func (e *testEnv) processPerCommand() {
	e.factories = map[string]func() (tfprotov6.ProviderServer, error){
		"sinch": func() (tfprotov6.ProviderServer, error) { return providerserver.NewProtocol6(New("test")())(), nil },
	}
}

// config prefixes HCL with a provider block that points at the mock, with projectID as the
// provider's default project when it is not empty.
func (e *testEnv) config(projectID, hcl string) string {
	var project string
	if projectID != "" {
		project = fmt.Sprintf("project_id = %q", projectID)
	}
	return e.configWith(project, hcl)
}

// configWith prefixes HCL with a provider block that points at the mock, every API of it, and has the
// extra settings.
func (e *testEnv) configWith(settings, hcl string) string {
	urls := fmt.Sprintf("conversation_api_url = %q\n", e.mock.ConversationURL)
	for _, api := range callbackAPIs[1:] {
		urls += fmt.Sprintf("  %s = %q\n", api.URLSetting, e.mock.URLOf(api.mock()))
	}
	return providerHCL(e.mock.URL, e.mock.TokenURL, urls+"  "+settings) + hcl
}

// providerHCL is a provider block with the test's access key, and apiURL for the first API of the
// table.
func providerHCL(apiURL, tokenURL, settings string) string {
	return fmt.Sprintf(`
provider "sinch" {
  %s = %q
  token_url  = %q
  key_id     = %q
  key_secret = %q
  %s
}
`, callbackAPIs[0].URLSetting, apiURL, tokenURL, testKeyID, testKeySecret, settings)
}

// startCounting is a PreConfig that makes the next expectRequests count from the start of the step.
func (e *testEnv) startCounting() { e.baseline = e.mock.Counts() }

// expectRequests checks how many requests the mock received since startCounting.
func (e *testEnv) expectRequests(want sinchmock.Counts) resource.TestCheckFunc {
	return func(*terraform.State) error {
		if got := e.mock.Counts().Sub(e.baseline); got != want {
			return fmt.Errorf("mock requests since the step began: got %+v, want %+v", got, want)
		}
		return nil
	}
}

// expectSecretAtSinch checks the secret the mock holds for a project.
func (e *testEnv) expectSecretAtSinch(projectID, want string) resource.TestCheckFunc {
	return func(*terraform.State) error {
		got, ok := e.mock.Secret(sinchmock.SenderID, projectID)
		if !ok {
			return fmt.Errorf("project %q does not exist at the mock", projectID)
		}
		if got != want {
			return fmt.Errorf("secret of %q at the mock: got %q, want %q", projectID, got, want)
		}
		return nil
	}
}

// expectOneToken checks that the provider fetched one access token and every API call carried it.
func (e *testEnv) expectOneToken() error {
	if n := e.mock.Counts().Token; n != 1 {
		return fmt.Errorf("token requests: got %d, want 1", n)
	}
	used := map[string]bool{}
	for _, r := range e.mock.Requests() {
		if r.Path != sinchmock.TokenPath {
			used[r.Token] = true
		}
	}
	if len(used) != 1 || used[""] {
		return fmt.Errorf("API calls carried %d different tokens (or none), want one", len(used))
	}
	return nil
}

// expectUserAgent checks that every request named the provider and Terraform.
func (e *testEnv) expectUserAgent(*terraform.State) error {
	for _, r := range e.mock.Requests() {
		if !strings.HasPrefix(r.UserAgent, "terraform-provider-sinch/test ") || !strings.Contains(r.UserAgent, " Terraform/") {
			return fmt.Errorf("%s %s has User-Agent %q", r.Method, r.Path, r.UserAgent)
		}
	}
	return nil
}

// errorLike matches an error that says each phrase, in order, however Terraform wraps its lines.
func errorLike(phrases ...string) *regexp.Regexp {
	quoted := make([]string, len(phrases))
	for i, phrase := range phrases {
		words := strings.Fields(phrase)
		for j, w := range words {
			words[j] = regexp.QuoteMeta(w)
		}
		quoted[i] = strings.Join(words, `\s+`)
	}
	return regexp.MustCompile(`(?s)` + strings.Join(quoted, ".*"))
}

// mockCheck is a state check that looks at the mock rather than at the state.
type mockCheck func() error

func (f mockCheck) CheckState(_ context.Context, _ statecheck.CheckStateRequest, resp *statecheck.CheckStateResponse) {
	resp.Error = f()
}

// The APIs of the table that tests name: the first, whose type is sinch_callback_configuration, and the
// Numbers API.
var senderIDAPI, numbersAPI = apiOfKey(sinchmock.SenderID), apiOfKey(sinchmock.Numbers)

func apiOfKey(key sinchmock.API) callbackAPI {
	for _, api := range callbackAPIs {
		if api.Key == string(key) {
			return api
		}
	}
	panic("no API has the key " + key)
}

// mock is the mock's name of the API.
func (a callbackAPI) mock() sinchmock.API { return sinchmock.API(a.Key) }

// dataFor is provider data whose calls go to the mock, for tests that call a type directly.
func dataFor(t testing.TB, mock *sinchmock.Running) *providerData {
	t.Helper()
	c, err := client.New(client.Config{TokenURL: mock.TokenURL, KeyID: testKeyID, KeySecret: testKeySecret})
	if err != nil {
		t.Fatal(err)
	}
	data := &providerData{apis: map[string]*client.CallbackConfigurations{}, plans: newPlanCounts()}
	for _, api := range callbackAPIs {
		if data.apis[api.TypeName], err = c.CallbackConfigurations(api.CallbackAPI, mock.URLOf(api.mock())); err != nil {
			t.Fatal(err)
		}
	}
	return data
}
