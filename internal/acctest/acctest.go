// Package acctest is the harness of the provider's acceptance tests, which every test package shares: a
// mock of Sinch's API with a provider that talks to it (TestEnv), for plugin-testing's resource.UnitTest;
// the Terraform CLI run on a configuration of its own against the built provider (CLIRun), for what
// plugin-testing cannot see (warnings, plan files, logs); the docs' commands run as they stand; and the
// checks and configurations that tests of several packages use.
//
// It imports the provider, so the packages of the provider's types use it from their external test
// packages (callbackconfig_test, webhooks_test) only; their own unit tests cannot import it.
package acctest

import (
	"fmt"
	"maps"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-testing/echoprovider"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/terraform-sinch/terraform-provider-sinch/internal/provider"
	"github.com/terraform-sinch/terraform-provider-sinch/internal/sinchapi"
	"github.com/terraform-sinch/terraform-provider-sinch/internal/sinchmock"
)

// The access key the mock accepts. The secret is distinctive so that a test can look for it in output.
const (
	TestKeyID     = "test-key-id"
	TestKeySecret = "test-key-secret-8d2e61"
)

// TestEnv is a mock Sinch API and a provider that talks to it.
type TestEnv struct {
	// Mock is the mock of Sinch's API, every API of it.
	Mock *sinchmock.Running
	// Factories hands Terraform one provider server for the whole test, as one long-lived provider
	// process would be, so that a test can count the tokens the provider fetches.
	Factories map[string]func() (tfprotov6.ProviderServer, error)
	// baseline is what the mock had counted when the current step began.
	baseline sinchmock.Counts
}

// NewTestEnv is a mock with the given projects (by ID, with the secret each holds in every API), closed at
// the end of the test, and a provider that talks to it.
func NewTestEnv(t *testing.T, projects map[string]string) *TestEnv {
	t.Helper()
	mock := sinchmock.Start(sinchmock.Options{KeyID: TestKeyID, KeySecret: TestKeySecret, Projects: projects})
	t.Cleanup(mock.Close)
	return NewTestEnvFor(mock)
}

// NewTestEnvFor is NewTestEnv with a mock of the caller's.
func NewTestEnvFor(mock *sinchmock.Running) *TestEnv {
	server := providerserver.NewProtocol6(provider.New("test")())()
	return &TestEnv{
		Mock: mock,
		Factories: map[string]func() (tfprotov6.ProviderServer, error){
			"sinch": func() (tfprotov6.ProviderServer, error) { return server, nil },
		},
	}
}

// ProcessPerCommand makes Terraform start a new provider for every command, as it starts a new plugin
// process for each: nothing the provider keeps in memory lasts from one command to the next.
func (e *TestEnv) ProcessPerCommand() {
	e.Factories = map[string]func() (tfprotov6.ProviderServer, error){
		"sinch": func() (tfprotov6.ProviderServer, error) {
			return providerserver.NewProtocol6(provider.New("test")())(), nil
		},
	}
}

// Config prefixes HCL with a provider block that points at the mock, with projectID as the
// provider's default project when it is not empty.
func (e *TestEnv) Config(projectID, hcl string) string {
	var project string
	if projectID != "" {
		project = fmt.Sprintf("project_id = %q", projectID)
	}
	return e.ConfigWith(project, hcl)
}

// ConfigWith prefixes HCL with a provider block that points at the mock, every API of it, and has the
// extra settings.
func (e *TestEnv) ConfigWith(settings, hcl string) string {
	urls := fmt.Sprintf("conversation_api_url = %q\n  provisioning_api_url = %q\n  voice_api_url = %q\n", e.Mock.ConversationURL,
		e.Mock.URLOf(sinchmock.Provisioning), e.Mock.URLOf(sinchmock.Voice))
	for _, api := range sinchapi.CallbackAPIs[1:] {
		urls += fmt.Sprintf("  %s = %q\n", api.URLSetting, e.Mock.URLOf(sinchmock.API(api.Key)))
	}
	return ProviderHCL(e.Mock.URL, e.Mock.TokenURL, urls+"  "+settings) + hcl
}

// ProviderHCL is a provider block with the test's access key, and apiURL for the first API of the
// table.
func ProviderHCL(apiURL, tokenURL, settings string) string {
	return fmt.Sprintf(`
provider "sinch" {
  %s = %q
  token_url  = %q
  key_id     = %q
  key_secret = %q
  %s
}
`, sinchapi.CallbackAPIs[0].URLSetting, apiURL, tokenURL, TestKeyID, TestKeySecret, settings)
}

// VoiceApplications is the provider setting voice_applications with the given secrets, by application
// key, for ConfigWith.
func VoiceApplications(secrets map[string]string) string {
	keys := slices.Sorted(maps.Keys(secrets))
	entries := make([]string, len(keys))
	for i, key := range keys {
		entries[i] = fmt.Sprintf("    %q = %q\n", key, secrets[key])
	}
	return "voice_applications = {\n" + strings.Join(entries, "") + "  }"
}

// ConfigAt is Config with the Conversation API at another URL, such as another region's host.
func (e *TestEnv) ConfigAt(conversationURL, hcl string) string {
	return strings.Replace(e.Config("", hcl), fmt.Sprintf("conversation_api_url = %q", e.Mock.ConversationURL),
		fmt.Sprintf("conversation_api_url = %q", conversationURL), 1)
}

// StartCounting is a PreConfig that makes the next ExpectRequests count from the start of the step.
func (e *TestEnv) StartCounting() { e.baseline = e.Mock.Counts() }

// CountsSinceStart is what the mock counted since StartCounting.
func (e *TestEnv) CountsSinceStart() sinchmock.Counts { return e.Mock.Counts().Sub(e.baseline) }

// ExpectRequests checks how many requests the mock received since StartCounting.
func (e *TestEnv) ExpectRequests(want sinchmock.Counts) resource.TestCheckFunc {
	return func(*terraform.State) error {
		if got := e.CountsSinceStart(); got != want {
			return fmt.Errorf("mock requests since the step began: got %+v, want %+v", got, want)
		}
		return nil
	}
}

// ExpectSecretAtSinch checks the secret the mock holds for a project.
func (e *TestEnv) ExpectSecretAtSinch(projectID, want string) resource.TestCheckFunc {
	return func(*terraform.State) error {
		got, ok := e.Mock.Secret(sinchmock.SenderID, projectID)
		if !ok {
			return fmt.Errorf("project %q does not exist at the mock", projectID)
		}
		if got != want {
			return fmt.Errorf("secret of %q at the mock: got %q, want %q", projectID, got, want)
		}
		return nil
	}
}

// ExpectOneToken checks that the provider fetched one access token and every API call carried it.
func (e *TestEnv) ExpectOneToken() error {
	if n := e.Mock.Counts().Token; n != 1 {
		return fmt.Errorf("token requests: got %d, want 1", n)
	}
	used := map[string]bool{}
	for _, r := range e.Mock.Requests() {
		if r.Path != sinchmock.TokenPath {
			used[r.Token] = true
		}
	}
	if len(used) != 1 || used[""] {
		return fmt.Errorf("API calls carried %d different tokens (or none), want one", len(used))
	}
	return nil
}

// ExpectUserAgent checks that every request named the provider and Terraform.
func (e *TestEnv) ExpectUserAgent(*terraform.State) error {
	for _, r := range e.Mock.Requests() {
		if !strings.HasPrefix(r.UserAgent, "terraform-provider-sinch/test ") || !strings.Contains(r.UserAgent, " Terraform/") {
			return fmt.Errorf("%s %s has User-Agent %q", r.Method, r.Path, r.UserAgent)
		}
	}
	return nil
}

// ErrorLike matches an error that says each phrase, in order, however Terraform wraps its lines.
func ErrorLike(phrases ...string) *regexp.Regexp {
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

// WithEcho adds plugin-testing's echo provider, which copies its configuration into the state of its
// resource: the one way to look at an ephemeral value in a test.
func WithEcho(env *TestEnv) map[string]func() (tfprotov6.ProviderServer, error) {
	factories := map[string]func() (tfprotov6.ProviderServer, error){"echo": echoprovider.NewProviderServer()}
	for name, f := range env.Factories {
		factories[name] = f
	}
	return factories
}
