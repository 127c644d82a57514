package provider

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/terraform-sinch/terraform-provider-sinch/internal/sinchmock"
)

// TestCompleteExample applies examples/complete, as a user would, against the mock: the Brands API
// provider block goes to the mock through the example's brands_api_url variable.
func TestCompleteExample(t *testing.T) {
	projects := map[string]string{
		"aad4ccbf-919d-462f-8587-dec95a1b11b0": "old", "0b9e3f5a-2c71-4d8e-9a6b-4f1c2d3e5a7b": "old",
		"5c2d8e1f-7a3b-4c9d-8e6f-1a2b3c4d5e6f": "old", "9f8e7d6c-5b4a-4392-8171-605f4e3d2c1b": "old",
	}
	mock := sinchmock.Start(sinchmock.Options{KeyID: testKeyID, KeySecret: testKeySecret, Projects: projects})
	defer mock.Close()
	r := newCLIRun(t, mock)
	example, err := os.ReadFile("../../examples/complete/main.tf")
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(r.dir, "main.tf"), string(example))
	env := []string{"SINCH_KEY_SECRET=" + testKeySecret, "TF_VAR_callback_secret=team-secret-1", "TF_VAR_brands_api_url=" + mock.URL}

	r.run(true, env, "apply", "-auto-approve", "-input=false")
	for id := range projects {
		if secret, _ := mock.Secret(id); secret != "team-secret-1" {
			t.Errorf("project %s holds %q", id, secret)
		}
	}
	out := r.run(true, env, "output", "-json")
	// The signature, computed apart with Python's hmac module.
	if !strings.Contains(out, `"b8ed30e995076246318b6292eec8d885fb1513cd"`) || strings.Count(out, `"applied"`) != 4 {
		t.Errorf("outputs: %s", out)
	}
	if strings.Contains(out, "team-secret-1") {
		t.Error("an output holds the secret")
	}
	r.run(true, env, "plan", "-input=false", "-detailed-exitcode")
}
