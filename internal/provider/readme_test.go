package provider_test

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/terraform-sinch/terraform-provider-sinch/internal/acctest"
	"github.com/terraform-sinch/terraform-provider-sinch/internal/sinchapi"
	"github.com/terraform-sinch/terraform-provider-sinch/internal/sinchmock"
)

// TestReadme_tryingByHand runs the README's commands for trying the provider by hand, as they stand,
// from the repository's root: make dev, apply of the demo without init, a secret changed through the
// mock's admin API, the plan that shows it, and the mock stopped. (make dev stops a mock that an earlier
// make dev started.)
func TestReadme_tryingByHand(t *testing.T) {
	block := acctest.DocBlock(t, "../../README.md", "### Trying it by hand")
	out := acctest.RunDocBlock(t, "../..", block+`
echo "mock pid: $SINCH_MOCK_PID"
`)
	for _, want := range []string{
		// The demo's resources: a callback configuration in every API, a webhook of each webhook API, the
		// app's callback settings, the Voice application's callback URLs and the number that rings it.
		fmt.Sprintf("Apply complete! Resources: %d added, 0 changed, 0 destroyed.", len(sinchapi.CallbackAPIs)+len(sinchapi.WebhookAPIs)+3),
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
// secret in every API that the README's first sentence names, that is, every API of sinchapi.CallbackAPIs.
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
	mock := sinchmock.Start(sinchmock.Options{KeyID: acctest.TestKeyID, KeySecret: acctest.TestKeySecret, Projects: map[string]string{string(project[1]): "old"}})
	defer mock.Close()
	r := acctest.NewCLIRun(t, mock)
	acctest.WriteFile(t, filepath.Join(r.Dir, "main.tf"), string(example[1]))
	const secret = "5e4d3c2b-1a09-4f8e-8d7c-6b5a4f3e2d1c"
	r.Run(true, []string{"SINCH_KEY_SECRET=" + acctest.TestKeySecret, "TF_VAR_callback_secret=" + secret}, "apply", "-auto-approve", "-input=false")
	for _, api := range sinchapi.CallbackAPIs {
		if got, _ := mock.Secret(sinchmock.API(api.Key), string(project[1])); got != secret {
			t.Errorf("the README's example does not set the secret in the %s API (%s)", api.Name, "sinch_"+api.TypeName)
		}
	}
}

// TestIndex_beforeTheRegistry runs the provider page's commands that install the provider from its
// repository into the implicit local mirror, as they stand (the clone is of this tree, and HOME a folder
// of the test's), then terraform init and apply a configuration that names the version, against the mock.
func TestIndex_beforeTheRegistry(t *testing.T) {
	const page = "../../docs/index.md"
	const clone = "git clone https://github.com/terraform-sinch/terraform-provider-sinch.git\n"
	install := acctest.DocBlock(t, page, "## Before the provider is on the registry")
	if !strings.HasPrefix(install, clone) {
		t.Fatalf("the page no longer clones the repository first:\n%s", install)
	}
	repo, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	mock := sinchmock.Start(sinchmock.Options{KeyID: acctest.TestKeyID, KeySecret: acctest.TestKeySecret, Projects: map[string]string{"project-1": "old"}})
	defer mock.Close()
	r := acctest.NewCLIRun(t, mock)
	home := t.TempDir()
	if os.Getenv("TF_ACC_PROVIDER_HOST") == "registry.opentofu.org" {
		install = strings.ReplaceAll(install, "registry.terraform.io", "registry.opentofu.org") // as the page says
	}
	acctest.RunDocBlock(t, r.Dir, "ln -s "+repo+" terraform-provider-sinch\n"+strings.TrimPrefix(install, clone), acctest.WithHome(t, home)...)
	acctest.WriteFile(t, filepath.Join(r.Dir, "main.tf"), regexp.MustCompile("(?s)```terraform\n(terraform \\{.*?)```").FindStringSubmatch(acctest.ReadPage(t, page))[1]+`
resource "sinch_callback_configuration" "this" {
  project_id  = "project-1"
  hmac_secret = "installed-from-the-mirror-0123"
}
`)
	// Without the harness's dev override: the mirror alone finds the provider.
	env := []string{"HOME=" + home, "TF_CLI_CONFIG_FILE=", "SINCH_KEY_SECRET=" + acctest.TestKeySecret}
	r.Run(true, env, "init", "-input=false")
	r.Run(true, env, "apply", "-auto-approve", "-input=false")
	if got, _ := mock.Secret(sinchmock.SenderID, "project-1"); got != "installed-from-the-mirror-0123" {
		t.Errorf("Sinch holds %q", got)
	}
}
