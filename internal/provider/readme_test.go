package provider

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/terraform-sinch/terraform-provider-sinch/internal/sinchmock"
)

// docBlock returns the first fenced shell block after heading in a Markdown file.
func docBlock(t *testing.T, file, heading string) string {
	t.Helper()
	page, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	_, after, found := strings.Cut(string(page), "\n"+heading+"\n")
	block := regexp.MustCompile("(?s)```(?:sh|shell)\n(.*?)```").FindStringSubmatch(after)
	if !found || block == nil {
		t.Fatalf("%s has no shell block under %q", file, heading)
	}
	return block[1]
}

// runDocBlock runs a block of shell commands from a doc as a reader would, in dir, with the CLI under
// test as terraform on PATH and a TF_CLI_CONFIG_FILE of the block's own making.
func runDocBlock(t *testing.T, dir, block string, env ...string) string {
	t.Helper()
	bin := t.TempDir()
	if err := os.Symlink(cliUnderTest(t), filepath.Join(bin, "terraform")); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("bash", "-euo", "pipefail", "-c", block)
	cmd.Dir = dir
	for _, e := range os.Environ() {
		if !strings.HasPrefix(e, "TF_CLI_CONFIG_FILE=") && !strings.HasPrefix(e, "SINCH_") && !strings.HasPrefix(e, "TF_LOG") {
			cmd.Env = append(cmd.Env, e)
		}
	}
	cmd.Env = append(cmd.Env, append(env, "PATH="+bin+string(os.PathListSeparator)+os.Getenv("PATH"), "NO_COLOR=1", "TF_IN_AUTOMATION=1")...)
	// A process the block left behind (a mock started in the background, when the block failed before
	// it stopped it) must not hold the output open, nor outlive the test.
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	cmd.WaitDelay = 5 * time.Second
	out, err := cmd.CombinedOutput()
	if cmd.Process != nil {
		_ = syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
	}
	if err != nil {
		t.Fatalf("the block failed: %v\n%s\n%s", err, block, out)
	}
	return ansiEscapes.ReplaceAllString(string(out), "")
}

// TestReadme_tryingByHand runs the README's commands for trying the provider by hand, as they stand,
// from the repository's root: make dev, apply of the demo without init, a secret changed through the
// mock's admin API, the plan that shows it, and the mock stopped. (make dev stops a mock that an earlier
// make dev started.)
func TestReadme_tryingByHand(t *testing.T) {
	block := docBlock(t, "../../README.md", "### Trying it by hand")
	out := runDocBlock(t, "../..", block+`
echo "mock pid: $SINCH_MOCK_PID"
`)
	for _, want := range []string{
		// The demo's resources: a callback configuration in every API, and a webhook.
		fmt.Sprintf("Apply complete! Resources: %d added, 0 changed, 0 destroyed.", len(callbackAPIs)+1),
		`hmac_secret_wo_status = "drifted" -> "applied"`,
		"Plan: 0 to add, 1 to change, 0 to destroy.",
		`"numbers":"changed-in-the-dashboard"`,
	} {
		if !strings.Contains(out, want) {
			t.Errorf("the output does not say %q:\n%s", want, out)
		}
	}
	pid, err := strconv.Atoi(regexp.MustCompile(`mock pid: (\d+)`).FindStringSubmatch(out + "mock pid: 0")[1])
	if err != nil || pid == 0 {
		t.Fatalf("no pid of the mock:\n%s", out)
	}
	if running(pid) {
		t.Errorf("the mock (pid %d) still runs after the block's kill", pid)
		_ = syscall.Kill(pid, syscall.SIGKILL)
	}
}

// running tells whether a process still runs, a second after it was told to stop: a zombie (which a
// container's init may never reap) has stopped.
func running(pid int) bool {
	for range 20 {
		stat, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
		if err != nil || strings.Contains(string(stat), ") Z ") {
			return false
		}
		time.Sleep(50 * time.Millisecond)
	}
	return true
}

// TestReadme_example applies the README's first example against the mock: it sets the project's
// secret in every API that the README's first sentence names, that is, every API of callbackAPIs.
func TestReadme_example(t *testing.T) {
	page, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	example := regexp.MustCompile("(?s)```hcl\n(.*?)```").FindSubmatch(page)
	project := regexp.MustCompile(`project_id = "([^"]+)"`).FindSubmatch(page)
	if example == nil || project == nil {
		t.Fatal("the README lost its example")
	}
	mock := sinchmock.Start(sinchmock.Options{KeyID: testKeyID, KeySecret: testKeySecret, Projects: map[string]string{string(project[1]): "old"}})
	defer mock.Close()
	r := newCLIRun(t, mock)
	writeFile(t, filepath.Join(r.dir, "main.tf"), string(example[1]))
	const secret = "5e4d3c2b-1a09-4f8e-8d7c-6b5a4f3e2d1c"
	r.run(true, []string{"SINCH_KEY_SECRET=" + testKeySecret, "TF_VAR_callback_secret=" + secret}, "apply", "-auto-approve", "-input=false")
	for _, api := range callbackAPIs {
		if got, _ := mock.Secret(api.mock(), string(project[1])); got != secret {
			t.Errorf("the README's example does not set the secret in the %s API (%s)", api.Name, api.terraformType())
		}
	}
}
