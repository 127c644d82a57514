package acctest

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"

	"github.com/hashicorp/go-version"

	"github.com/terraform-sinch/terraform-provider-sinch/internal/sinchapi"
	"github.com/terraform-sinch/terraform-provider-sinch/internal/sinchmock"
)

// CLIRun is the Terraform CLI run on a configuration of its own, with the provider built as a binary
// and found through a dev override, as a user runs it: its log then holds Terraform's entries and the
// provider's.
type CLIRun struct {
	t   *testing.T
	cli string
	// Dir is the folder the commands run in, where a test writes the configuration.
	Dir string
	env []string
	// log is the TRACE log's file, beside the first Dir: a test may move Dir (into a guide's folder).
	log string
	// Outputs are what every command of the run printed, in order.
	Outputs []string
}

// NewCLIRun prepares a run of the CLI under test (see CLIUnderTest).
func NewCLIRun(t *testing.T, mock *sinchmock.Running) *CLIRun {
	t.Helper()
	cli := CLIUnderTest(t)
	plugins := BuildProvider(t)
	dir := t.TempDir()
	cliConfig := filepath.Join(dir, "cli.tfrc")
	WriteFile(t, cliConfig, fmt.Sprintf(`provider_installation {
  dev_overrides {
    "terraform-sinch/sinch" = %q
  }
  direct {}
}`, plugins))
	logPath := filepath.Join(dir, "trace.log")
	work := filepath.Join(dir, "work")
	if err := os.Mkdir(work, 0o700); err != nil {
		t.Fatal(err)
	}
	env := append(os.Environ(),
		"TF_CLI_CONFIG_FILE="+cliConfig,
		"CHECKPOINT_DISABLE=1",
		"TF_IN_AUTOMATION=1",
		"TF_LOG=TRACE",
		"TF_LOG_PATH="+logPath,
		"SINCH_CONVERSATION_API_URL="+mock.ConversationURL,
		"SINCH_PROVISIONING_API_URL="+mock.URLOf(sinchmock.Provisioning),
		"SINCH_VOICE_API_URL="+mock.URLOf(sinchmock.Voice),
		// A Voice application of the developer's own is not the tests'.
		"SINCH_APPLICATION_KEY=",
		"SINCH_APPLICATION_SECRET=",
		"SINCH_TOKEN_URL="+mock.TokenURL,
		"SINCH_KEY_ID="+TestKeyID,
		"SINCH_PROJECT_ID=",
	)
	for _, api := range sinchapi.CallbackAPIs {
		env = append(env, sinchapi.EnvVarOf(api.URLSetting)+"="+mock.URLOf(sinchmock.API(api.Key)))
	}
	return &CLIRun{t: t, cli: cli, Dir: work, env: env, log: logPath}
}

// CLIUnderTest is the CLI the acceptance tests run (TF_ACC_TERRAFORM_PATH, else terraform on PATH). Its
// tests use write-only arguments and ephemeral variables, so they skip below Terraform 1.11, like the
// acceptance tests gated with tfversion.
func CLIUnderTest(t *testing.T) string {
	t.Helper()
	cli := os.Getenv("TF_ACC_TERRAFORM_PATH")
	if cli == "" {
		var err error
		if cli, err = exec.LookPath("terraform"); err != nil {
			t.Fatal("this test needs the Terraform CLI: set TF_ACC_TERRAFORM_PATH or put terraform on PATH")
		}
	}
	out, err := exec.Command(cli, "version", "-json").Output()
	var v struct {
		Version string `json:"terraform_version"`
	}
	if err != nil || json.Unmarshal(out, &v) != nil {
		t.Fatalf("%s version -json: %v", cli, err)
	}
	if version.Must(version.NewVersion(v.Version)).LessThan(version.Must(version.NewVersion("1.11.0"))) {
		t.Skipf("needs Terraform 1.11 or later, not %s", v.Version)
	}
	return cli
}

// The provider binary, built once for all the tests of a run.
var (
	buildOnce  sync.Once
	pluginsDir string
	buildErr   error
)

// Cleanup removes the provider binary that BuildProvider built for the tests of this run. The TestMain
// of each package whose tests use the CLI harness calls it after m.Run.
func Cleanup() {
	if pluginsDir != "" {
		_ = os.RemoveAll(pluginsDir)
	}
}

// module is the provider's module, which go build builds from any folder of it.
const module = "github.com/terraform-sinch/terraform-provider-sinch"

// BuildProvider builds the provider binary (once) and returns the folder that holds it.
func BuildProvider(t *testing.T) string {
	t.Helper()
	buildOnce.Do(func() {
		// Not t.TempDir: the binary serves every test of the run, and Cleanup removes it.
		if pluginsDir, buildErr = os.MkdirTemp("", "terraform-provider-sinch-test-"); buildErr != nil { //nolint:usetesting
			return
		}
		build := exec.Command("go", "build", "-o", filepath.Join(pluginsDir, "terraform-provider-sinch"), module)
		if out, err := build.CombinedOutput(); err != nil {
			buildErr = fmt.Errorf("building the provider: %w\n%s", err, out)
		}
	})
	if buildErr != nil {
		t.Fatal(buildErr)
	}
	return pluginsDir
}

// Run runs one command; wantOK says whether it must succeed or fail.
func (r *CLIRun) Run(wantOK bool, env []string, args ...string) string {
	r.t.Helper()
	cmd := exec.Command(r.cli, args...)
	cmd.Dir = r.Dir
	cmd.Env = append(append([]string(nil), r.env...), env...)
	raw, err := cmd.CombinedOutput()
	out := ansiEscapes.ReplaceAllString(string(raw), "")
	r.Outputs = append(r.Outputs, out)
	if (err == nil) != wantOK {
		r.t.Fatalf("%s: error %v, want success %v\n%s", strings.Join(args, " "), err, wantOK, out)
	}
	return out
}

// Prose is CLI output as one line of words: without the frames of diagnostics and the line breaks of
// wrapped text, so that a test can look for a sentence.
func Prose(out string) string {
	return strings.Join(strings.Fields(strings.NewReplacer("│", " ", "╷", " ", "╵", " ").Replace(out)), " ")
}

// ansiEscapes are the colours of the CLI's output, which not every command can be told to leave out.
var ansiEscapes = regexp.MustCompile(`\x1b\[[0-9;]*m`)

// CLIConfig is the TF_CLI_CONFIG_FILE setting of the run, whose dev override finds the provider built.
func (r *CLIRun) CLIConfig() string {
	// The last setting wins, as in os/exec.
	for i := len(r.env) - 1; i >= 0; i-- {
		if strings.HasPrefix(r.env[i], "TF_CLI_CONFIG_FILE=") {
			return r.env[i]
		}
	}
	r.t.Fatal("the run has no CLI configuration")
	return ""
}

// Log is the run's TRACE log: Terraform's entries and the provider's.
func (r *CLIRun) Log() string {
	raw, err := os.ReadFile(r.log)
	if err != nil {
		r.t.Fatal(err)
	}
	return string(raw)
}

// WriteFile writes a file, such as a configuration, or fails the test.
func WriteFile(t *testing.T, name, content string) {
	t.Helper()
	if err := os.WriteFile(name, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
}

// Start starts one command and returns it running.
func (r *CLIRun) Start(env []string, args ...string) *exec.Cmd {
	r.t.Helper()
	cmd := exec.Command(r.cli, args...)
	cmd.Dir = r.Dir
	cmd.Env = append(append([]string(nil), r.env...), env...)
	if err := cmd.Start(); err != nil {
		r.t.Fatal(err)
	}
	return cmd
}

// CLIProviderBlock is the start of a configuration for the CLI: the provider from the dev override, and
// the ephemeral variable secret.
const CLIProviderBlock = `
terraform {
  required_providers {
    sinch = { source = "terraform-sinch/sinch" }
  }
}

variable "secret" {
  type      = string
  sensitive = true
  ephemeral = true
}
`

// ExpectSays fails unless the CLI output, as prose, says each of the phrases.
func ExpectSays(t *testing.T, out string, phrases ...string) {
	t.Helper()
	for _, phrase := range phrases {
		if !strings.Contains(Prose(out), phrase) {
			t.Errorf("the output does not say %q:\n%s", phrase, out)
		}
	}
}

// RequireIdentity skips a CLI test on an engine without resource identity (before 1.12).
func RequireIdentity(t *testing.T, r *CLIRun) {
	t.Helper()
	r.requireVersion("1.12.0", "resource identity")
}

// RequireQuery skips a CLI test on an engine without list resources and actions: before Terraform 1.14,
// and OpenTofu 1.12, which reports a version below it. Such a test is named TestAccQuery... or
// TestAccAction..., which scripts/test.sh allows to skip.
func RequireQuery(t *testing.T, r *CLIRun) {
	t.Helper()
	r.requireVersion("1.14.0", "list resources and actions")
}

// RequireActions is RequireQuery, for a test of actions.
func RequireActions(t *testing.T, r *CLIRun) {
	t.Helper()
	r.requireVersion("1.14.0", "actions")
}

// NewActionRun is a CLI run, on an engine with actions (RequireActions), of CLIProviderBlock and hcl.
func NewActionRun(t *testing.T, mock *sinchmock.Running, hcl string) *CLIRun {
	t.Helper()
	r := NewCLIRun(t, mock)
	RequireActions(t, r)
	WriteFile(t, filepath.Join(r.Dir, "main.tf"), CLIProviderBlock+hcl)
	return r
}

func (r *CLIRun) requireVersion(minimum, what string) {
	r.t.Helper()
	out, err := exec.Command(r.cli, "version", "-json").Output()
	var v struct {
		Version string `json:"terraform_version"`
	}
	if err != nil || json.Unmarshal(out, &v) != nil {
		r.t.Fatalf("%s version -json: %v", r.cli, err)
	}
	if version.Must(version.NewVersion(v.Version)).LessThan(version.Must(version.NewVersion(minimum))) {
		r.t.Skipf("needs Terraform %s or later for %s, not %s", strings.TrimSuffix(minimum, ".0"), what, v.Version)
	}
}

// Invoke runs an action, as `terraform apply -invoke=<address>` does; wantOK says whether it must succeed.
func (r *CLIRun) Invoke(wantOK bool, env []string, address string) string {
	r.t.Helper()
	return r.Run(wantOK, env, "apply", "-input=false", "-auto-approve", "-invoke="+address)
}

// ExpectNothingHolds fails if what the CLI printed, or the TRACE log, holds any of the secrets; and,
// so that the check proves something, if the log lacks the entry logged.
func (r *CLIRun) ExpectNothingHolds(logged string, secrets ...string) {
	r.t.Helper()
	log := r.Log()
	if !strings.Contains(log, logged) {
		r.t.Fatalf("the TRACE log lacks %q: the check proves nothing", logged)
	}
	for _, s := range secrets {
		if strings.Contains(log, s) {
			r.t.Errorf("the TRACE log holds a secret (%.8s…)", s)
		}
		for _, out := range r.Outputs {
			if strings.Contains(out, s) {
				r.t.Errorf("the CLI printed a secret (%.8s…)", s)
			}
		}
	}
}
