package provider

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

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

func newCLIRun(t *testing.T, mock *sinchmock.Running) *cliRun {
	t.Helper()
	cli := os.Getenv("TF_ACC_TERRAFORM_PATH")
	if cli == "" {
		var err error
		if cli, err = exec.LookPath("terraform"); err != nil {
			t.Fatal("this test needs the Terraform CLI: set TF_ACC_TERRAFORM_PATH or put terraform on PATH")
		}
	}
	dir := t.TempDir()
	plugins := filepath.Join(dir, "plugins")
	build := exec.Command("go", "build", "-o", filepath.Join(plugins, "terraform-provider-sinch"), "../..")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("building the provider: %v\n%s", err, out)
	}
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
	return &cliRun{t: t, cli: cli, dir: work, env: append(os.Environ(),
		"TF_CLI_CONFIG_FILE="+cliConfig,
		"CHECKPOINT_DISABLE=1",
		"TF_IN_AUTOMATION=1",
		"TF_LOG=TRACE",
		"TF_LOG_PATH="+filepath.Join(dir, "trace.log"),
		"SINCH_API_URL="+mock.URL,
		"SINCH_TOKEN_URL="+mock.TokenURL,
		"SINCH_KEY_ID="+testKeyID,
		"SINCH_PROJECT_ID=",
	)}
}

// run runs one command; wantOK says whether it must succeed or fail.
func (r *cliRun) run(wantOK bool, env []string, args ...string) string {
	r.t.Helper()
	cmd := exec.Command(r.cli, args...)
	cmd.Dir = r.dir
	cmd.Env = append(append([]string(nil), r.env...), env...)
	out, err := cmd.CombinedOutput()
	r.outputs = append(r.outputs, string(out))
	if (err == nil) != wantOK {
		r.t.Fatalf("%s: error %v, want success %v\n%s", strings.Join(args, " "), err, wantOK, out)
	}
	return string(out)
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

const everythingConfig = `
terraform {
  required_providers {
    sinch = {
      source = "terraform-sinch/sinch"
    }
  }
}

variable "plain" {
  type      = string
  sensitive = true
}

variable "write_only" {
  type      = string
  sensitive = true
  ephemeral = true
}

resource "sinch_callback_configuration" "plain" {
  project_id  = "project-plain"
  hmac_secret = var.plain
}

resource "sinch_callback_configuration" "write_only" {
  project_id     = "project-write-only"
  hmac_secret_wo = var.write_only
}

data "sinch_callback_configuration" "read" {
  project_id = "project-read"
}

ephemeral "sinch_callback_configuration" "read" {
  project_id = "project-read"
}

output "signature" {
  value     = provider::sinch::callback_signature(data.sinch_callback_configuration.read.hmac_secret, "{}")
  sensitive = true
}
`

// TestSecretsNeverLogged runs apply, import, update, destroy and a failing plan with TF_LOG=TRACE, and
// fails if any secret, key secret or access token appears in the log or in what the CLI printed.
func TestSecretsNeverLogged(t *testing.T) {
	secrets := []string{"plain-secret-1a", "plain-secret-2b", "write-only-secret-3c", "write-only-secret-4d", "read-only-secret-5e", "initial-secret-6f"}
	mock := sinchmock.Start(sinchmock.Options{KeyID: testKeyID, KeySecret: testKeySecret, Projects: map[string]string{
		"project-plain": secrets[5], "project-write-only": secrets[5], "project-read": secrets[4],
	}})
	defer mock.Close()
	r := newCLIRun(t, mock)
	writeFile(t, filepath.Join(r.dir, "main.tf"), everythingConfig)
	key := "SINCH_KEY_SECRET=" + testKeySecret
	first := []string{key, "TF_VAR_plain=" + secrets[0], "TF_VAR_write_only=" + secrets[2]}
	second := []string{key, "TF_VAR_plain=" + secrets[1], "TF_VAR_write_only=" + secrets[3]}

	r.run(true, first, "apply", "-auto-approve", "-input=false")
	r.run(true, first, "state", "rm", "sinch_callback_configuration.plain")
	r.run(true, first, "import", "-input=false", "sinch_callback_configuration.plain", "project-plain")
	r.run(true, second, "apply", "-auto-approve", "-input=false")
	r.run(true, second, "destroy", "-auto-approve", "-input=false")
	wrongKey := "wrong-key-secret-7g"
	if out := r.run(false, []string{"SINCH_KEY_SECRET=" + wrongKey, "TF_VAR_plain=" + secrets[0], "TF_VAR_write_only=" + secrets[2]},
		"plan", "-input=false"); !strings.Contains(out, "Sinch refused the access key") {
		t.Errorf("the failing plan did not say why:\n%s", out)
	}

	if s, _ := mock.Secret("project-plain"); s != secrets[1] {
		t.Fatalf("the runs did not do what they should: project-plain holds %q", s)
	}
	log := r.log()
	// The log must hold the provider's own entries, or this test proves nothing.
	for _, want := range []string{"Sinch API call: ", "Fetched a Sinch access token: ", "method=PUT", "path=/v1/projects/project-plain/callback-configuration"} {
		if !strings.Contains(log, want) {
			t.Fatalf("the TRACE log lacks %s: the provider's entries are not in it", want)
		}
	}

	forbidden := append(secrets, testKeySecret, wrongKey)
	for _, req := range mock.Requests() {
		if req.Token != "" {
			forbidden = append(forbidden, req.Token)
		}
	}
	for _, secret := range forbidden {
		if strings.Contains(log, secret) {
			t.Errorf("the TRACE log holds a secret (%.6s…)", secret)
		}
		for _, out := range r.outputs {
			if strings.Contains(out, secret) {
				t.Errorf("the CLI printed a secret (%.6s…)", secret)
			}
		}
	}
}
