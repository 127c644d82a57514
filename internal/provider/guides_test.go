package provider_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/terraform-sinch/terraform-provider-sinch/internal/acctest"
	"github.com/terraform-sinch/terraform-provider-sinch/internal/sinchapi"
	"github.com/terraform-sinch/terraform-provider-sinch/internal/sinchmock"
)

// The guides' examples, run as their readers would run them.

// inGuide copies examples/guides into the run's folder and makes guide's folder the one commands run
// in.
func inGuide(t *testing.T, r *acctest.CLIRun, guide string) {
	t.Helper()
	if err := os.CopyFS(filepath.Join(r.Dir, "guides"), os.DirFS("../../examples/guides")); err != nil {
		t.Fatal(err)
	}
	r.Dir = filepath.Join(r.Dir, "guides", guide)
}

// TestGuide_verifyingSignatures checks the example values of the guide against the provider's
// functions, run from the guide's own HCL, and runs the guide's snippets in Go, Python and Node.js: those
// of X-Sinch-Signature print the example and that it is accepted; those of x-sinch-webhook-signature,
// the example, that it is accepted when fresh, and refused an hour later.
func TestGuide_verifyingSignatures(t *testing.T) {
	page, err := os.ReadFile("../../docs/guides/verifying-x-sinch-signature.md")
	if err != nil {
		t.Fatal(err)
	}
	examples := regexp.MustCompile("the signature is:\\s*```text\\n(\\S+)\\n```").FindAllSubmatch(page, -1)
	hcl := regexp.MustCompile("(?s)```terraform\\n(output \"expected_(?:webhook_)?signature\".*?)```").FindAllSubmatch(page, -1)
	if len(examples) != 2 || len(hcl) != 2 {
		t.Fatalf("the guide lost an example value or its HCL: %d values, %d blocks", len(examples), len(hcl))
	}
	want := map[string]string{"expected_signature": string(examples[0][1]), "expected_webhook_signature": string(examples[1][1])}

	mock := sinchmock.Start(sinchmock.Options{KeyID: acctest.TestKeyID, KeySecret: acctest.TestKeySecret})
	defer mock.Close()
	r := acctest.NewCLIRun(t, mock)
	acctest.WriteFile(t, filepath.Join(r.Dir, "main.tf"), `terraform {
  required_providers {
    sinch = { source = "terraform-sinch/sinch" }
  }
}
`+string(hcl[0][1])+string(hcl[1][1]))
	r.Run(true, nil, "apply", "-auto-approve", "-input=false")
	var outputs map[string]struct{ Value string }
	if err := json.Unmarshal([]byte(r.Run(true, nil, "output", "-json")), &outputs); err != nil {
		t.Fatal(err)
	}
	for name, value := range want {
		if got := outputs[name].Value; got != value {
			t.Errorf("%s: the function returns %s, the guide says %s", name, got, value)
		}
	}

	for dir, printed := range map[string]string{
		"../../examples/guides/verifying-signatures":         want["expected_signature"] + " true",
		"../../examples/guides/verifying-webhook-signatures": want["expected_webhook_signature"] + " true false",
	} {
		for _, snippet := range [][]string{
			{"go", "run", "verify.go"},
			{"python3", "verify.py"},
			{"node", "verify.js"},
		} {
			if _, err := exec.LookPath(snippet[0]); err != nil {
				t.Fatalf("running the guide's snippets needs %s on PATH (Go, Python 3 and Node.js): %v", snippet[0], err)
			}
			cmd := exec.Command(snippet[0], snippet[1:]...)
			cmd.Dir = dir
			out, err := cmd.CombinedOutput()
			if err != nil || strings.TrimSpace(string(out)) != printed {
				t.Errorf("%s in %s: %v: printed %q, want %q", strings.Join(snippet, " "), dir, err, out, printed)
			}
		}
	}
}

// TestGuide_rotation runs the rotation guide's two examples step by step: after each apply, Sinch holds
// the secret the step says, and the handler was given the revision it says.
func TestGuide_rotation(t *testing.T) {
	mock := sinchmock.Start(sinchmock.Options{KeyID: acctest.TestKeyID, KeySecret: acctest.TestKeySecret, Projects: map[string]string{"project-1": "old-secret"}})
	defer mock.Close()
	key, project := "SINCH_KEY_SECRET="+acctest.TestKeySecret, "SINCH_PROJECT_ID=project-1"
	expect := func(r *acctest.CLIRun, atSinch string, revision float64) {
		t.Helper()
		if got, _ := mock.Secret(sinchmock.SenderID, "project-1"); got != atSinch {
			t.Fatalf("Sinch holds %q, want %q", got, atSinch)
		}
		var outputs map[string]struct{ Value float64 }
		if err := json.Unmarshal([]byte(r.Run(true, nil, "output", "-json")), &outputs); err != nil {
			t.Fatal(err)
		}
		if got := outputs["handler_revision"].Value; got != revision {
			t.Fatalf("the handler was given revision %g, want %g", got, revision)
		}
	}

	t.Run("hmac_secret_wo", func(t *testing.T) {
		r := acctest.NewCLIRun(t, mock)
		inGuide(t, r, "rotation-write-only")
		r.Run(true, nil, "get")
		for _, step := range []struct {
			secret, version, phase, atSinch string
			revision                        float64
		}{
			{"secret-a-5e0c7d4b9a1f2e3c", "1", "rotating", "secret-a-5e0c7d4b9a1f2e3c", 2},
			// Settled: a new value (as an ephemeral random password gives) writes nothing.
			{"secret-b-1d2c3b4a5f6e7d8c", "1", "settled", "secret-a-5e0c7d4b9a1f2e3c", 3},
			{"secret-c-9a8b7c6d5e4f3a2b", "2", "rotating", "secret-c-9a8b7c6d5e4f3a2b", 4},
			{"secret-d-0f1e2d3c4b5a6978", "2", "settled", "secret-c-9a8b7c6d5e4f3a2b", 5},
		} {
			r.Run(true, []string{key, project, "TF_VAR_new_secret=" + step.secret, "TF_VAR_secret_version=" + step.version,
				"TF_VAR_phase=" + step.phase}, "apply", "-auto-approve", "-input=false")
			expect(r, step.atSinch, step.revision)
		}
	})

	t.Run("hmac_secret", func(t *testing.T) {
		r := acctest.NewCLIRun(t, mock)
		inGuide(t, r, "rotation-plaintext")
		r.Run(true, nil, "get")
		for _, step := range []struct {
			current, previous, revision string
		}{
			{"plain-a-7c6b5a4f3e2d1c0b", "", "1"},
			// 1. Rotation: the handler accepts both, and Sinch gets the new one.
			{"plain-b-1a2b3c4d5e6f7a8b", "plain-a-7c6b5a4f3e2d1c0b", "2"},
			// 2. After the window: the handler accepts the new one alone.
			{"plain-b-1a2b3c4d5e6f7a8b", "", "3"},
		} {
			env := []string{key, project, "TF_VAR_current_secret=" + step.current, "TF_VAR_revision=" + step.revision}
			if step.previous != "" {
				env = append(env, "TF_VAR_previous_secret="+step.previous)
			}
			r.Run(true, env, "apply", "-auto-approve", "-input=false")
			revision, _ := strconv.ParseFloat(step.revision, 64)
			expect(r, step.current, revision)
		}
	})
}

// TestGuide_registering runs the guide's steps, as the guide gives them (terraform init with the
// provider in the implicit local mirror, then one apply per step, approved by TF_CLI_ARGS_apply): the
// first apply registers the handler with a new secret, a settled apply writes nothing, a rotation gives
// Sinch a new one; one webhook throughout, and no secret in the state.
func TestGuide_registering(t *testing.T) {
	const app = "01EB3Z5T3FVPA1ZQFHQFBYFPYF"
	mock := sinchmock.Start(sinchmock.Options{KeyID: acctest.TestKeyID, KeySecret: acctest.TestKeySecret, Projects: map[string]string{"project-1": "s"},
		Apps: map[string]string{app: "project-1"}})
	defer mock.Close()
	r := acctest.NewCLIRun(t, mock)
	inGuide(t, r, "registering-a-handler")
	steps := strings.Split(acctest.DocBlock(t, "../../docs/guides/registering-a-callback-handler.md", "## The steps"), "\n")
	env := append(acctest.ProviderInMirror(t), "TF_CLI_ARGS_apply=-auto-approve", "SINCH_KEY_ID="+acctest.TestKeyID, "SINCH_KEY_SECRET="+acctest.TestKeySecret,
		"SINCH_PROJECT_ID=project-1", "SINCH_TOKEN_URL="+mock.TokenURL, "SINCH_CONVERSATION_API_URL="+mock.ConversationURL,
		"SINCH_PROVISIONING_API_URL="+mock.URLOf(sinchmock.Provisioning))
	var commands []string
	for _, line := range steps {
		if strings.HasPrefix(line, "terraform ") {
			commands = append(commands, line)
		}
	}
	if len(commands) != 5 || commands[0] != "terraform init" {
		t.Fatalf("the guide's steps changed: %q", commands)
	}
	acctest.RunDocBlock(t, r.Dir, commands[0], env...)
	var secrets []string
	for i, want := range []struct {
		newSecret bool
		revision  float64
	}{{true, 2}, {false, 3}, {true, 4}, {false, 5}} {
		acctest.RunDocBlock(t, r.Dir, commands[i+1], env...)
		hooks := mock.Webhooks(app)
		if len(hooks) != 1 || hooks[0].Secret == "" || hooks[0].Target != "https://callbacks.example.com/sinch/conversation" {
			t.Fatalf("after %q, Sinch holds %+v", commands[i+1], hooks)
		}
		onboarding := mock.ProvisioningWebhooks("project-1")
		if len(onboarding) != 1 || onboarding[0].Secret != hooks[0].Secret || onboarding[0].Target != "https://callbacks.example.com/sinch/onboarding" {
			t.Fatalf("after %q, Sinch holds the onboarding webhooks %+v, want one with the Conversation webhook's secret", commands[i+1], onboarding)
		}
		if fresh := len(secrets) == 0 || hooks[0].Secret != secrets[len(secrets)-1]; fresh != want.newSecret {
			t.Errorf("after %q, a new secret at Sinch: %v, want %v", commands[i+1], fresh, want.newSecret)
		}
		secrets = append(secrets, hooks[0].Secret)
		var outputs map[string]struct{ Value any }
		if err := json.Unmarshal([]byte(acctest.RunDocBlock(t, r.Dir, "terraform output -json", env...)), &outputs); err != nil {
			t.Fatal(err)
		}
		if got := outputs["handler_revision"].Value; got != want.revision {
			t.Fatalf("after %q, the handler was given revision %v, want %g", commands[i+1], got, want.revision)
		}
	}
	for _, s := range secrets {
		if strings.Contains(acctest.ReadPage(t, filepath.Join(r.Dir, "terraform.tfstate")), s) {
			t.Errorf("the state holds a secret (%.8s…)", s)
		}
	}
}

// TestGuide_routing runs the routing guide's steps as the guide gives them (terraform init with the
// provider in the implicit local mirror, a workspace, an apply with the environment's .tfvars, a plan that
// must show no change): Sinch then holds the application's callback URLs, the Numbers secret and each
// number's callback URL, service plan and Voice application that the guide says, after one PATCH of each
// number and nothing rented or released; no secret is printed or stored; and the plan of a destroy warns
// that each stays at Sinch.
func TestGuide_routing(t *testing.T) {
	const (
		appKey        = "de305d54-75b4-431b-adb2-eb6b9e546014" // as in staging.tfvars
		servicePlan   = "7f0b2c1d9e8a4b3c8d7e6f5a4b3c2d1e"
		appSecret     = "cm91dGluZy1ndWlkZS12b2ljZS1zZWNyZXQ="
		numbersSecret = "routing-numbers-secret-3f9a2c71d5"
	)
	numbers := []string{"+12025550100", "+12025550101"}
	var rented []sinchmock.ActiveNumber
	for _, n := range numbers {
		rented = append(rented, sinchmock.ActiveNumber{PhoneNumber: n, RegionCode: "US", Type: "LOCAL", Capability: []string{"SMS", "VOICE"}})
	}
	mock := sinchmock.Start(sinchmock.Options{KeyID: acctest.TestKeyID, KeySecret: acctest.TestKeySecret,
		Projects:               map[string]string{"project-1": "secret-set-in-the-dashboard"},
		VoiceApps:              map[string]sinchmock.VoiceApp{appKey: {Secret: appSecret, URLs: sinchmock.VoiceURLs{Primary: "https://old.example.com/voice"}}},
		ActiveNumbers:          map[string][]sinchmock.ActiveNumber{"project-1": rented},
		NumberProvisioningTime: 500 * time.Millisecond})
	defer mock.Close()
	r := acctest.NewCLIRun(t, mock)
	inGuide(t, r, "routing-a-number")
	const page = "../../docs/guides/routing-a-number.md"
	var commands []string
	for _, line := range strings.Split(acctest.DocBlock(t, page, "## The steps"), "\n") {
		if strings.HasPrefix(line, "terraform ") {
			commands = append(commands, line)
		}
	}
	if len(commands) != 4 || commands[0] != "terraform init" || !strings.HasPrefix(commands[2], "terraform apply ") ||
		!strings.HasSuffix(commands[3], " -detailed-exitcode") {
		t.Fatalf("the guide's steps changed: %q", commands)
	}
	env := append(acctest.ProviderInMirror(t), "TF_CLI_ARGS_apply=-auto-approve", "SINCH_KEY_ID="+acctest.TestKeyID,
		"SINCH_KEY_SECRET="+acctest.TestKeySecret, "SINCH_PROJECT_ID=project-1", "SINCH_TOKEN_URL="+mock.TokenURL,
		"SINCH_NUMBERS_API_URL="+mock.URLOf(sinchmock.Numbers), "SINCH_VOICE_API_URL="+mock.URLOf(sinchmock.Voice),
		"TF_VAR_application_secret="+appSecret, "TF_VAR_numbers_callback_secret="+numbersSecret)
	var printed []string
	for _, command := range commands {
		// The plan with -detailed-exitcode fails the block when it shows a change.
		printed = append(printed, acctest.RunDocBlock(t, r.Dir, command, env...))
	}

	if urls, _ := mock.VoiceURLs(appKey); urls != (sinchmock.VoiceURLs{Primary: "https://callbacks.example.com/sinch/voice"}) {
		t.Errorf("the application's callback URLs are %+v", urls)
	}
	if got, _ := mock.Secret(sinchmock.Numbers, "project-1"); got != numbersSecret {
		t.Errorf("Sinch holds another Numbers secret (%.8s…)", got)
	}
	for _, n := range numbers {
		number, _ := mock.ActiveNumber("project-1", n)
		if number.CallbackURL != "https://callbacks.example.com/sinch/numbers" ||
			number.SMSConfiguration == nil || number.SMSConfiguration.ServicePlanID != servicePlan || number.SMSConfiguration.ScheduledProvisioning != nil ||
			number.VoiceConfiguration == nil || number.VoiceConfiguration.Type != "RTC" || number.VoiceConfiguration.AppID != appKey ||
			number.VoiceConfiguration.ScheduledVoiceProvisioning != nil {
			t.Errorf("Sinch holds %s as %+v, SMS %+v, voice %+v", n, number, number.SMSConfiguration, number.VoiceConfiguration)
		}
	}
	patches := 0
	for _, req := range mock.Requests() {
		if req.Method == http.MethodPatch && strings.Contains(req.Path, "/activeNumbers/") {
			patches++
		}
	}
	if patches != len(numbers) {
		t.Errorf("%d PATCHes of the numbers, want one each", patches)
	}
	if rented, released := mock.Rented(), mock.Released(); len(rented) != 0 || len(released) != 0 {
		t.Errorf("the guide rented %q and released %q", rented, released)
	}

	out := acctest.RunDocBlock(t, r.Dir, "terraform plan -destroy -var-file=staging.tfvars", env...)
	acctest.ExpectSays(t, out, "Callback URLs stay at Sinch", "Callback configuration stays at Sinch", "Number stays rented and configured")
	state := acctest.ReadPage(t, filepath.Join(r.Dir, "terraform.tfstate.d", "staging", "terraform.tfstate"))
	for _, s := range []string{appSecret, numbersSecret} {
		for _, o := range append(printed, out) {
			if strings.Contains(o, s) {
				t.Errorf("the CLI printed a secret (%.8s…)", s)
			}
		}
		if strings.Contains(state, s) {
			t.Errorf("the state holds a secret (%.8s…)", s)
		}
	}
}

// TestGuide_testing runs the testing guide's unit tests (mocked provider), and its commands that get
// sinch-mock and run the integration tests against it, as they stand (the clone is of this tree).
func TestGuide_testing(t *testing.T) {
	mock := sinchmock.Start(sinchmock.Options{KeyID: acctest.TestKeyID, KeySecret: acctest.TestKeySecret})
	defer mock.Close()
	r := acctest.NewCLIRun(t, mock)
	inGuide(t, r, "testing")
	if out := r.Run(true, nil, "test", "-filter=tests/plan.tftest.hcl", "-filter=tests/mock_defaults.tftest.hcl"); !strings.Contains(out, "4 passed, 0 failed") {
		t.Errorf("the unit tests:\n%s", out)
	}
	if n := len(mock.Requests()); n != 0 {
		t.Errorf("the unit tests made %d requests", n)
	}

	const page = "../../docs/guides/testing-configurations.md"
	clone := "git clone https://github.com/terraform-sinch/terraform-provider-sinch.git\n"
	get := acctest.DocBlock(t, page, "### Get `sinch-mock`")
	if !strings.HasPrefix(get, clone) {
		t.Fatalf("the guide no longer clones the module's repository first:\n%s", get)
	}
	repo, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	acctest.RunDocBlock(t, r.Dir, "ln -s "+repo+" terraform-provider-sinch\n"+strings.TrimPrefix(get, clone))
	out := acctest.RunDocBlock(t, r.Dir, acctest.DocBlock(t, page, "### Run the tests against it"), r.CLIConfig())
	if !strings.Contains(out, "2 passed, 0 failed") {
		t.Errorf("the integration tests:\n%s", out)
	}
}

// TestGuide_migrating applies the migration guide's configuration to a project whose secrets are already
// the configured ones, and to the webhook a generic resource made: every object is imported, and nothing
// is written.
func TestGuide_migrating(t *testing.T) {
	const secret, webhookSecret = "migrated-8e7d6c5b4a39281706f5", "webhook-migrated-0a1b2c3d4e5f"
	const onboardingSecret = "onboarding-migrated-5f4e3d2c1b0a"
	mock := sinchmock.Start(sinchmock.Options{KeyID: acctest.TestKeyID, KeySecret: acctest.TestKeySecret, Projects: map[string]string{"project-1": secret},
		Apps: map[string]string{"app-1": "project-1"}})
	defer mock.Close()
	webhook := mock.AddWebhook("project-1", sinchmock.Webhook{AppID: "app-1", Target: "https://callbacks.example.com/sinch/conversation",
		Triggers: []string{"MESSAGE_INBOUND", "MESSAGE_DELIVERY"}, Secret: webhookSecret})
	mock.SetAppCallbackSecret("app-1", webhookSecret)
	onboarding := mock.AddProvisioningWebhook("project-1", sinchmock.ProvisioningWebhook{
		Target: "https://callbacks.example.com/sinch/onboarding", Triggers: []string{"WHATSAPP_SENDER_ACTIVE", "WHATSAPP_TEMPLATE_APPROVED"},
		Secret: onboardingSecret})
	r := acctest.NewCLIRun(t, mock)
	inGuide(t, r, "migrating")
	env := []string{"SINCH_KEY_SECRET=" + acctest.TestKeySecret, "TF_VAR_project_id=project-1", "TF_VAR_callback_secret=" + secret,
		"TF_VAR_app_id=app-1", "TF_VAR_webhook_id=" + webhook, "TF_VAR_webhook_secret=" + webhookSecret,
		"TF_VAR_onboarding_webhook_id=" + onboarding, "TF_VAR_onboarding_secret=" + onboardingSecret}
	// Every object imported; the Provisioning webhook's secret, which no import can read, written.
	want := fmt.Sprintf("%d imported, 0 added, 1 changed, 0 destroyed", len(sinchapi.CallbackAPIs)+3)
	if out := r.Run(true, env, "apply", "-auto-approve", "-input=false"); !strings.Contains(out, want) ||
		!strings.Contains(acctest.Prose(out), "The apply writes the webhook's secret") {
		t.Errorf("the migration does not say %q, and that it writes the onboarding webhook's secret:\n%s", want, out)
	}
	writes := 0
	for _, req := range mock.Requests() {
		if req.Method != http.MethodGet && req.Method != http.MethodPost || req.Method == http.MethodPost && req.API != sinchmock.TokenAPI {
			writes++
			if req.Method != http.MethodPatch || req.API != sinchmock.Provisioning || req.Body != `{"secret":"`+onboardingSecret+`"}` {
				t.Errorf("the migration wrote %s %s %s", req.Method, req.Path, acctest.Prose(req.Body))
			}
		}
	}
	if writes != 1 {
		t.Errorf("the migration made %d writes, want the onboarding webhook's secret alone", writes)
	}
	for _, s := range []string{secret, webhookSecret, onboardingSecret} {
		if r.StateHolds(s) {
			t.Error("the state holds a secret")
		}
	}
}
