package provider_test

import (
	"os"
	"os/exec"
	"strings"
	"testing"

	"github.com/terraform-sinch/terraform-provider-sinch/internal/acctest"
)

// runScript runs one of the project's scripts from the repository's root, its output to a pipe (not a
// terminal), as `make demo > demo.log` or CI would, with the CLI under test.
func runScript(t *testing.T, env []string, args ...string) string {
	t.Helper()
	cmd := exec.Command("bash", args...)
	cmd.Dir = "../.."
	cmd.Env = append(os.Environ(), append(env, "TF_ACC_TERRAFORM_PATH="+acctest.CLIUnderTest(t))...)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("%s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return string(out)
}

// TestDemoLogIsPlainText: `make demo` redirected to a file writes text without the terminal's colour
// codes, its own or Terraform's, and shows the mock's settings with their secrets hidden.
func TestDemoLogIsPlainText(t *testing.T) {
	out := runScript(t, nil, "scripts/demo.sh")
	if strings.Contains(out, "\x1b[") {
		t.Errorf("the demo's log holds colour codes:\n%q", out)
	}
	secrets := 0
	for _, line := range strings.Split(out, "\n") {
		if strings.HasPrefix(line, "export ") && strings.Contains(line, "SECRET=") {
			secrets++
			if !strings.HasSuffix(line, "SECRET='(hidden)'") {
				t.Errorf("the demo's log shows a secret of the mock's: %.40s…", line)
			}
		}
	}
	if secrets < 2 {
		t.Errorf("the demo's log shows %d of the mock's secret settings hidden, want the key's and the Voice application's:\n%s", secrets, out)
	}
	if !strings.Contains(out, "==> terraform apply") || !strings.Contains(out, "Apply complete!") {
		t.Errorf("the demo did not run:\n%s", out)
	}
}

// TestMakeTestSaysWhatRuns: `make test` says what it runs, and how long it takes, before the minutes of
// the acceptance tests, and each package's outcome as it ends (here on one test, to be quick).
func TestMakeTestSaysWhatRuns(t *testing.T) {
	out := runScript(t, []string{"SINCH_FUZZ_TIME=0"}, "scripts/test.sh", "-run", "^TestRedact$")
	lines := strings.Split(out, "\n")
	var says, streamed bool
	for i, line := range lines {
		if strings.HasPrefix(line, "go test -race of every package") && strings.Contains(line, "about 4 minutes") {
			says = true
		}
		// Each package's line comes as it ends, before the summary of the run.
		if says && strings.HasPrefix(line, "ok  \tgithub.com/terraform-sinch/terraform-provider-sinch/internal/client") &&
			i+1 < len(lines) && !strings.Contains(strings.Join(lines[:i], "\n"), "tests and subtests passed") {
			streamed = true
		}
	}
	if !says || !streamed {
		t.Errorf("make test does not say what runs, or each package as it ends:\n%s", out)
	}
}
