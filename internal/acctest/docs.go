package acctest

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"
)

// DocBlock returns the first fenced shell block after heading in a Markdown file.
func DocBlock(t *testing.T, file, heading string) string {
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

// RunDocBlock runs a block of shell commands from a doc as a reader would, in dir, with the CLI under
// test as terraform on PATH and a TF_CLI_CONFIG_FILE of the block's own making.
func RunDocBlock(t *testing.T, dir, block string, env ...string) string {
	t.Helper()
	bin := t.TempDir()
	if err := os.Symlink(CLIUnderTest(t), filepath.Join(bin, "terraform")); err != nil {
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

// ReadPage is a file of the repository, such as a doc page.
func ReadPage(t *testing.T, file string) string {
	t.Helper()
	page, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	return string(page)
}

// WithHome is the environment of a command whose HOME is home, with Go's caches where they are.
func WithHome(t *testing.T, home string) []string {
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

// ProviderInMirror puts the provider built for the tests in the implicit local mirror of a HOME of the
// test's, as version 0.0.1, and returns the environment that uses it (no CLI configuration of the
// harness): terraform init then finds the provider without the registry, as the provider page says.
func ProviderInMirror(t *testing.T) []string {
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
	binary, err := os.ReadFile(filepath.Join(BuildProvider(t), "terraform-provider-sinch"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "terraform-provider-sinch_v0.0.1"), binary, 0o700); err != nil {
		t.Fatal(err)
	}
	return append(WithHome(t, home), "TF_CLI_CONFIG_FILE=", "CHECKPOINT_DISABLE=1")
}
