package provider

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
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

// TestIndex_beforeTheRegistry runs the provider page's commands that install the provider from its
// repository into the implicit local mirror, as they stand (the clone is of this tree, and HOME a folder
// of the test's), then terraform init and apply a configuration that names the version, against the mock.
func TestIndex_beforeTheRegistry(t *testing.T) {
	const page = "../../docs/index.md"
	const clone = "git clone https://github.com/terraform-sinch/terraform-provider-sinch.git\n"
	install := docBlock(t, page, "## Before the provider is on the registry")
	if !strings.HasPrefix(install, clone) {
		t.Fatalf("the page no longer clones the repository first:\n%s", install)
	}
	repo, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	mock := sinchmock.Start(sinchmock.Options{KeyID: testKeyID, KeySecret: testKeySecret, Projects: map[string]string{"project-1": "old"}})
	defer mock.Close()
	r := newCLIRun(t, mock)
	home := t.TempDir()
	if os.Getenv("TF_ACC_PROVIDER_HOST") == "registry.opentofu.org" {
		install = strings.ReplaceAll(install, "registry.terraform.io", "registry.opentofu.org") // as the page says
	}
	runDocBlock(t, r.dir, "ln -s "+repo+" terraform-provider-sinch\n"+strings.TrimPrefix(install, clone), withHome(t, home)...)
	writeFile(t, filepath.Join(r.dir, "main.tf"), regexp.MustCompile("(?s)```terraform\n(terraform \\{.*?)```").FindStringSubmatch(readPage(t, page))[1]+`
resource "sinch_callback_configuration" "this" {
  project_id  = "project-1"
  hmac_secret = "installed-from-the-mirror-0123"
}
`)
	// Without the harness's dev override: the mirror alone finds the provider.
	env := []string{"HOME=" + home, "TF_CLI_CONFIG_FILE=", "SINCH_KEY_SECRET=" + testKeySecret}
	r.run(true, env, "init", "-input=false")
	r.run(true, env, "apply", "-auto-approve", "-input=false")
	if got, _ := mock.Secret(sinchmock.SenderID, "project-1"); got != "installed-from-the-mirror-0123" {
		t.Errorf("Sinch holds %q", got)
	}
}

func readPage(t *testing.T, file string) string {
	t.Helper()
	page, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	return string(page)
}

// withHome is the environment of a command whose HOME is home, with Go's caches where they are.
func withHome(t *testing.T, home string) []string {
	t.Helper()
	env := []string{"HOME=" + home}
	for _, name := range []string{"GOCACHE", "GOMODCACHE", "GOPATH"} {
		out, err := exec.Command("go", "env", name).Output()
		if err != nil {
			t.Fatal(err)
		}
		env = append(env, name+"="+strings.TrimSpace(string(out)))
	}
	return env
}

// providerInMirror puts the provider built for the tests in the implicit local mirror of a HOME of the
// test's, as version 0.0.1, and returns the environment that uses it (no CLI configuration of the
// harness): terraform init then finds the provider without the registry, as the provider page says.
func providerInMirror(t *testing.T) []string {
	t.Helper()
	home := t.TempDir()
	host := "registry.terraform.io"
	if os.Getenv("TF_ACC_PROVIDER_HOST") == "registry.opentofu.org" {
		host = "registry.opentofu.org"
	}
	dir := filepath.Join(home, ".terraform.d", "plugins", host, "terraform-sinch", "sinch", "0.0.1", runtime.GOOS+"_"+runtime.GOARCH)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	binary, err := os.ReadFile(filepath.Join(buildProvider(t), "terraform-provider-sinch"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "terraform-provider-sinch_v0.0.1"), binary, 0o700); err != nil {
		t.Fatal(err)
	}
	return append(withHome(t, home), "TF_CLI_CONFIG_FILE=", "CHECKPOINT_DISABLE=1")
}
