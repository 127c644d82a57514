package provider

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

	"github.com/terraform-sinch/terraform-provider-sinch/internal/sinchmock"
)

// cliRun is the Terraform CLI run on a configuration of its own, with the provider built as a binary
// and found through a dev override, as a user runs it: its log then holds Terraform's entries and the
// provider's.
type cliRun struct {
	t       *testing.T
	cli     string
	dir     string
	env     []string
	outputs []string
}

// newCLIRun prepares a run of the CLI under test (see cliUnderTest).
func newCLIRun(t *testing.T, mock *sinchmock.Running) *cliRun {
	t.Helper()
	cli := cliUnderTest(t)
	plugins := buildProvider(t)
	dir := t.TempDir()
	cliConfig := filepath.Join(dir, "cli.tfrc")
	writeFile(t, cliConfig, fmt.Sprintf(`provider_installation {
  dev_overrides {
    "terraform-sinch/sinch" = %q
  }
  direct {}
}`, plugins))
	work := filepath.Join(dir, "work")
	if err := os.Mkdir(work, 0o700); err != nil {
		t.Fatal(err)
	}
	env := append(os.Environ(),
		"TF_CLI_CONFIG_FILE="+cliConfig,
		"CHECKPOINT_DISABLE=1",
		"TF_IN_AUTOMATION=1",
		"TF_LOG=TRACE",
		"TF_LOG_PATH="+filepath.Join(dir, "trace.log"),
		"SINCH_CONVERSATION_API_URL="+mock.ConversationURL,
		"SINCH_TOKEN_URL="+mock.TokenURL,
		"SINCH_KEY_ID="+testKeyID,
		"SINCH_PROJECT_ID=",
	)
	for _, api := range callbackAPIs {
		env = append(env, envVarOf(api.URLSetting)+"="+mock.URLOf(api.mock()))
	}
	return &cliRun{t: t, cli: cli, dir: work, env: env}
}

// cliUnderTest is the CLI the acceptance tests run (TF_ACC_TERRAFORM_PATH, else terraform on PATH). Its
// tests use write-only arguments and ephemeral variables, so they skip below Terraform 1.11, like the
// acceptance tests gated with tfversion.
func cliUnderTest(t *testing.T) string {
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

func TestMain(m *testing.M) {
	code := m.Run()
	if pluginsDir != "" {
		_ = os.RemoveAll(pluginsDir)
	}
	os.Exit(code)
}

// buildProvider builds the provider binary (once) and returns the folder that holds it.
func buildProvider(t *testing.T) string {
	t.Helper()
	buildOnce.Do(func() {
		// Not t.TempDir: the binary serves every test of the run, and TestMain removes it.
		if pluginsDir, buildErr = os.MkdirTemp("", "terraform-provider-sinch-test-"); buildErr != nil { //nolint:usetesting
			return
		}
		build := exec.Command("go", "build", "-o", filepath.Join(pluginsDir, "terraform-provider-sinch"), "../..")
		if out, err := build.CombinedOutput(); err != nil {
			buildErr = fmt.Errorf("building the provider: %w\n%s", err, out)
		}
	})
	if buildErr != nil {
		t.Fatal(buildErr)
	}
	return pluginsDir
}

// run runs one command; wantOK says whether it must succeed or fail.
func (r *cliRun) run(wantOK bool, env []string, args ...string) string {
	r.t.Helper()
	cmd := exec.Command(r.cli, args...)
	cmd.Dir = r.dir
	cmd.Env = append(append([]string(nil), r.env...), env...)
	raw, err := cmd.CombinedOutput()
	out := ansiEscapes.ReplaceAllString(string(raw), "")
	r.outputs = append(r.outputs, out)
	if (err == nil) != wantOK {
		r.t.Fatalf("%s: error %v, want success %v\n%s", strings.Join(args, " "), err, wantOK, out)
	}
	return out
}

// prose is CLI output as one line of words: without the frames of diagnostics and the line breaks of
// wrapped text, so that a test can look for a sentence.
func prose(out string) string {
	return strings.Join(strings.Fields(strings.NewReplacer("│", " ", "╷", " ", "╵", " ").Replace(out)), " ")
}

// ansiEscapes are the colours of the CLI's output, which not every command can be told to leave out.
var ansiEscapes = regexp.MustCompile(`\x1b\[[0-9;]*m`)

// cliConfig is the TF_CLI_CONFIG_FILE setting of the run, whose dev override finds the provider built.
func (r *cliRun) cliConfig() string {
	// The last setting wins, as in os/exec.
	for i := len(r.env) - 1; i >= 0; i-- {
		if strings.HasPrefix(r.env[i], "TF_CLI_CONFIG_FILE=") {
			return r.env[i]
		}
	}
	r.t.Fatal("the run has no CLI configuration")
	return ""
}

func (r *cliRun) log() string {
	raw, err := os.ReadFile(filepath.Join(filepath.Dir(r.dir), "trace.log"))
	if err != nil {
		r.t.Fatal(err)
	}
	return string(raw)
}

func writeFile(t *testing.T, name, content string) {
	t.Helper()
	if err := os.WriteFile(name, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
}

// start starts one command and returns it running.
func (r *cliRun) start(env []string, args ...string) *exec.Cmd {
	r.t.Helper()
	cmd := exec.Command(r.cli, args...)
	cmd.Dir = r.dir
	cmd.Env = append(append([]string(nil), r.env...), env...)
	if err := cmd.Start(); err != nil {
		r.t.Fatal(err)
	}
	return cmd
}

// stateAttribute reads an attribute of the one resource instance in the local state file.
func (r *cliRun) stateAttribute(resource, attribute string) any {
	r.t.Helper()
	raw, err := os.ReadFile(filepath.Join(r.dir, "terraform.tfstate"))
	if err != nil {
		r.t.Fatal(err)
	}
	var state struct {
		Resources []struct {
			Type, Name string
			Instances  []struct {
				Attributes map[string]any `json:"attributes"`
			} `json:"instances"`
		} `json:"resources"`
	}
	if err := json.Unmarshal(raw, &state); err != nil {
		r.t.Fatal(err)
	}
	for _, res := range state.Resources {
		if res.Type+"."+res.Name == resource && len(res.Instances) == 1 {
			return res.Instances[0].Attributes[attribute]
		}
	}
	return nil
}
