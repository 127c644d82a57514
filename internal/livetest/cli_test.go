//go:build live

package livetest

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
)

// cli runs the CLI under test (TF_ACC_TERRAFORM_PATH, else terraform on PATH) in a folder of its own,
// with the provider built from this tree found through a dev override, and the environment's settings.
type cli struct {
	t   *testing.T
	bin string
	dir string
	env []string
}

var (
	buildOnce sync.Once
	plugins   string
	buildErr  error
)

func newCLI(t *testing.T) *cli {
	t.Helper()
	bin := os.Getenv("TF_ACC_TERRAFORM_PATH")
	if bin == "" {
		var err error
		if bin, err = exec.LookPath("terraform"); err != nil {
			t.Fatal("testacc-live needs the Terraform CLI: set TF_ACC_TERRAFORM_PATH or put terraform on PATH")
		}
	}
	buildOnce.Do(func() {
		// Not t.TempDir: the binary serves every test of the run, and TestMain removes it.
		plugins, buildErr = os.MkdirTemp("", "sinch-live-plugins-") //nolint:usetesting
		if buildErr == nil {
			out, err := exec.Command("go", "build", "-o", filepath.Join(plugins, "terraform-provider-sinch"), "../..").CombinedOutput()
			if err != nil {
				buildErr = fmt.Errorf("building the provider: %w\n%s", err, out)
			}
		}
	})
	if buildErr != nil {
		t.Fatal(buildErr)
	}
	dir := t.TempDir()
	cliConfig := filepath.Join(dir, "cli.tfrc")
	if err := os.WriteFile(cliConfig, []byte(fmt.Sprintf(`provider_installation {
  dev_overrides {
    "terraform-sinch/sinch" = %q
  }
  direct {}
}`, plugins)), 0o600); err != nil {
		t.Fatal(err)
	}
	return &cli{t: t, bin: bin, dir: dir, env: append(os.Environ(), "TF_CLI_CONFIG_FILE="+cliConfig, "CHECKPOINT_DISABLE=1",
		"TF_IN_AUTOMATION=1", "TF_INPUT=0", "TF_LOG=")}
}

// ansiEscapes are the colours of the CLI's output: not every command takes -no-color.
var ansiEscapes = regexp.MustCompile("\x1b\\[[0-9;]*m")

// write sets main.tf.
func (c *cli) write(hcl string) {
	c.t.Helper()
	if err := os.WriteFile(filepath.Join(c.dir, "main.tf"), []byte(`terraform {
  required_providers {
    sinch = { source = "terraform-sinch/sinch" }
  }
}
`+hcl), 0o600); err != nil {
		c.t.Fatal(err)
	}
}

// run runs a command with extra environment, and fails the test when it fails. A plan with
// -detailed-exitcode that finds changes fails too. The output is shown on failure: it holds no
// secret, which the configurations keep sensitive or write-only.
func (c *cli) run(env []string, args ...string) string {
	c.t.Helper()
	cmd := exec.Command(c.bin, args...)
	cmd.Dir, cmd.Env = c.dir, append(append([]string(nil), c.env...), env...)
	raw, err := cmd.CombinedOutput()
	out := ansiEscapes.ReplaceAllString(string(raw), "")
	if err != nil {
		c.t.Fatalf("%s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return out
}
