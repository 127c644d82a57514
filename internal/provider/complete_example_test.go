package provider_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/terraform-sinch/terraform-provider-sinch/internal/acctest"
	"github.com/terraform-sinch/terraform-provider-sinch/internal/sinchmock"
)

// TestCompleteExample applies examples/complete, as a user would, against the mock, every API of it.
func TestCompleteExample(t *testing.T) {
	projects := map[string]string{
		"aad4ccbf-919d-462f-8587-dec95a1b11b0": "old", "0b9e3f5a-2c71-4d8e-9a6b-4f1c2d3e5a7b": "old",
		"5c2d8e1f-7a3b-4c9d-8e6f-1a2b3c4d5e6f": "old", "9f8e7d6c-5b4a-4392-8171-605f4e3d2c1b": "old",
	}
	mock := sinchmock.Start(sinchmock.Options{KeyID: acctest.TestKeyID, KeySecret: acctest.TestKeySecret, Projects: projects})
	defer mock.Close()
	r := acctest.NewCLIRun(t, mock)
	example, err := os.ReadFile("../../examples/complete/main.tf")
	if err != nil {
		t.Fatal(err)
	}
	acctest.WriteFile(t, filepath.Join(r.Dir, "main.tf"), string(example))
	env := []string{"SINCH_KEY_SECRET=" + acctest.TestKeySecret, "TF_VAR_callback_secret=team-secret-1"}

	if out := r.Run(true, env, "apply", "-auto-approve", "-input=false"); strings.Contains(out, "Warning: Another resource") {
		t.Errorf("one project in three APIs is taken for a duplicate:\n%s", out)
	}
	const checkout, brands = "aad4ccbf-919d-462f-8587-dec95a1b11b0", "9f8e7d6c-5b4a-4392-8171-605f4e3d2c1b"
	for id := range projects {
		want := map[sinchmock.API]string{sinchmock.SenderID: "team-secret-1", sinchmock.Brands: "old", sinchmock.Numbers: "old"}
		switch id {
		case checkout:
			want[sinchmock.Numbers] = "team-secret-1"
		case brands:
			want = map[sinchmock.API]string{sinchmock.SenderID: "old", sinchmock.Brands: "team-secret-1", sinchmock.Numbers: "old"}
		}
		for api, secret := range want {
			if got, _ := mock.Secret(api, id); got != secret {
				t.Errorf("project %s holds %q in the %s API, want %q", id, got, api, secret)
			}
		}
	}
	out := r.Run(true, env, "output", "-json")
	// The signature, computed apart with Python's hmac module.
	if !strings.Contains(out, `"b8ed30e995076246318b6292eec8d885fb1513cd"`) || strings.Count(out, `"applied"`) != 5 {
		t.Errorf("outputs: %s", out)
	}
	if strings.Contains(out, "team-secret-1") {
		t.Error("an output holds the secret")
	}
	r.Run(true, env, "plan", "-input=false", "-detailed-exitcode")
}

// TestFunctionExamples applies each function's example, as the docs show it, and checks every output
// against the value its comment promises.
func TestFunctionExamples(t *testing.T) {
	mock := sinchmock.Start(sinchmock.Options{KeyID: acctest.TestKeyID, KeySecret: acctest.TestKeySecret})
	defer mock.Close()
	promised := regexp.MustCompile(`output "(\w+)" \{\s*\n\s*# "([^"]*)"`)
	folders, err := filepath.Glob("../../examples/functions/*")
	if err != nil || len(folders) == 0 {
		t.Fatalf("no function examples: %v", err)
	}
	for _, folder := range folders {
		t.Run(filepath.Base(folder), func(t *testing.T) {
			r := acctest.NewCLIRun(t, mock)
			files, _ := os.ReadDir(folder)
			var example string
			for _, f := range files {
				if f.IsDir() {
					// Another example, such as one with an ephemeral secret, which sends a callback.
					continue
				}
				content, err := os.ReadFile(filepath.Join(folder, f.Name()))
				if err != nil {
					t.Fatal(err)
				}
				acctest.WriteFile(t, filepath.Join(r.Dir, f.Name()), string(content))
				if f.Name() == "function.tf" {
					example = string(content)
				}
			}
			wants := promised.FindAllStringSubmatch(example, -1)
			if len(wants) == 0 {
				t.Fatal("the example promises no output value")
			}
			r.Run(true, nil, "apply", "-auto-approve", "-input=false")
			var outputs map[string]struct{ Value string }
			if err := json.Unmarshal([]byte(r.Run(true, nil, "output", "-json")), &outputs); err != nil {
				t.Fatal(err)
			}
			for _, want := range wants {
				if got := outputs[want[1]].Value; got != want[2] {
					t.Errorf("output %s is %q, the example says %q", want[1], got, want[2])
				}
			}
		})
	}
}
