package provider_test

import (
	"net/http"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/terraform-sinch/terraform-provider-sinch/internal/acctest"
	"github.com/terraform-sinch/terraform-provider-sinch/internal/sinchmock"
)

// TestCancelledApply interrupts `terraform apply` (as Ctrl-C does) while the provider waits before a
// retry, and while a request is under way: the apply must stop at once, and the state must still hold
// the last secret Sinch accepted.
func TestCancelledApply(t *testing.T) {
	mock := sinchmock.Start(sinchmock.Options{KeyID: acctest.TestKeyID, KeySecret: acctest.TestKeySecret, Projects: map[string]string{"project-1": "old"}})
	defer mock.Close()
	r := acctest.NewCLIRun(t, mock)
	acctest.WriteFile(t, filepath.Join(r.Dir, "main.tf"), `
terraform {
  required_providers {
    sinch = { source = "terraform-sinch/sinch" }
  }
}
variable "secret" {
  type      = string
  sensitive = true
}
resource "sinch_callback_configuration" "test" {
  project_id  = "project-1"
  hmac_secret = var.secret
}`)
	key := "SINCH_KEY_SECRET=" + acctest.TestKeySecret
	r.Run(true, []string{key, "TF_VAR_secret=accepted"}, "apply", "-auto-approve", "-input=false")

	for name, stall := range map[string]sinchmock.Fault{
		"waiting to retry":  {Status: 503, Header: map[string]string{"Retry-After": "30"}},
		"request under way": {Delay: 30 * time.Second},
	} {
		t.Run(name, func(t *testing.T) {
			mock.Script(sinchmock.SenderID, http.MethodPut, "/v1/projects/project-1/callback-configuration", stall)
			puts := mock.Counts().Put
			apply := r.Start([]string{key, "TF_VAR_secret=never-accepted"}, "apply", "-auto-approve", "-input=false")
			deadline := time.Now().Add(30 * time.Second)
			for mock.Counts().Put == puts && time.Now().Before(deadline) {
				time.Sleep(20 * time.Millisecond)
			}
			time.Sleep(300 * time.Millisecond) // into the wait, or the request

			interrupted := time.Now()
			if err := apply.Process.Signal(os.Interrupt); err != nil {
				t.Fatal(err)
			}
			done := make(chan error, 1)
			go func() { done <- apply.Wait() }()
			select {
			case err := <-done:
				if err == nil {
					t.Error("the interrupted apply succeeded")
				}
			case <-time.After(15 * time.Second):
				_ = apply.Process.Kill()
				t.Fatal("the apply did not stop within 15 s of the interrupt")
			}
			if took := time.Since(interrupted); took > 5*time.Second {
				t.Errorf("the apply took %s to stop", took)
			}
			if secret, _ := mock.Secret(sinchmock.SenderID, "project-1"); secret != "accepted" {
				t.Errorf("Sinch holds %q", secret)
			}
			if got := r.StateAttribute("sinch_callback_configuration.test", "hmac_secret"); got != "accepted" {
				t.Errorf("the state holds %v, want the secret Sinch accepted last", got)
			}
			if n := mock.Counts().Put - puts; n != 1 {
				t.Errorf("%d PUTs after the stall began, want 1: none after the interrupt", n)
			}
		})
	}
}
