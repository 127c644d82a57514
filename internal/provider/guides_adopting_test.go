package provider_test

import (
	"maps"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/terraform-sinch/terraform-provider-sinch/internal/acctest"
	"github.com/terraform-sinch/terraform-provider-sinch/internal/sinchapi"
	"github.com/terraform-sinch/terraform-provider-sinch/internal/sinchmock"
)

// The project of the guide "Bringing an existing Sinch project under Terraform", as its examples name it.
const (
	adoptingProject = "aad4ccbf-919d-462f-8587-dec95a1b11b0"
	adoptingApp     = "01EB3Z5T3FVPA1ZQFHQFBYFPYF"
	adoptingWebhook = "01F8MECHZX3TBDSZ7XRADM79XE"
	adoptingTarget  = "https://callbacks.example.com/sinch/conversation"
	adoptingGuide   = "../../docs/guides/bringing-an-existing-project-under-terraform.md"
)

// adoptingSecrets are the secrets Sinch holds in the guide's project, by the variable of secrets.tf that
// gives each: one of each API's callback configuration, the app's, and the webhook's.
var adoptingSecrets = map[string]string{
	"sender_id_callback_secret":        "sender-id-held-3f9a1c7e5b2d",
	"brands_callback_secret":           "brands-held-8c2e4a6f1b9d",
	"numbers_callback_secret":          "numbers-held-5d7b9f1a3c8e",
	"imported_numbers_callback_secret": "imported-held-2a4c6e8b0d1f",
	"app_callback_secret":              "app-held-9e1d3b5f7a2c",
	"webhook_secret":                   "webhook-held-6b8d0f2a4c9e",
}

// adoptingEdit is the guide's step 3 on the file that `terraform query -generate-config-out` wrote: each
// write-only secret from its variable, and the Conversation webhook's `client_credentials = {}` deleted
// (then terraform fmt, which the test runs).
func adoptingEdit(generated string) string {
	variables := map[string]string{"sinch_conversation_app_callback_settings": "app_callback_secret",
		"sinch_conversation_webhook": "webhook_secret"}
	for _, api := range sinchapi.CallbackAPIs {
		variables["sinch_"+api.TypeName] = strings.ReplaceAll(api.Key, "-", "_") + "_callback_secret"
	}
	resource := regexp.MustCompile(`(?m)^resource "(\w+)" "\w+" \{\n(?s:.*?)^\}\n`)
	return resource.ReplaceAllStringFunc(generated, func(block string) string {
		variable := variables[resource.FindStringSubmatch(block)[1]]
		block = regexp.MustCompile(`(?m)^(\s*(?:hmac_)?secret_wo\s*)= null # sensitive$`).ReplaceAllString(block, "${1}= var."+variable)
		return strings.Replace(block, "\n  client_credentials = {} # sensitive\n", "\n", 1)
	})
}

// requestsSince are the calls to Sinch after the first n that the mock recorded, apart from token
// requests, and the writes among them.
func requestsSince(mock *sinchmock.Running, n int) (calls []string, writes []string) {
	for _, req := range mock.Requests()[n:] {
		if req.Path == sinchmock.TokenPath {
			calls = append(calls, "token")
			continue
		}
		calls = append(calls, req.Method+" "+req.Path)
		if req.Method != http.MethodGet {
			writes = append(writes, req.Method+" "+req.Path)
		}
	}
	return calls, writes
}

// TestAccQuery_guideAdopting runs the guide's steps through the CLI (Terraform 1.14 and later), on a
// project as a team finds it: a secret in each API with a callback configuration, an app's secret, and
// a webhook whose target is a handler on 127.0.0.1. Its query lists each object; the configuration it
// generates, with the guide's edits, is the guide's generated.tf apart from step 5; the plan imports
// every object and changes nothing; a write-only version set during the import plans what the guide
// says; after step 5 a change of the webhook runs the action against the handler. Nothing of that
// writes to Sinch but the change, and no secret is in an output, the log or the state.
func TestAccQuery_guideAdopting(t *testing.T) {
	mock := sinchmock.Start(sinchmock.Options{KeyID: acctest.TestKeyID, KeySecret: acctest.TestKeySecret,
		Projects: map[string]string{adoptingProject: "replaced-below"}, Apps: map[string]string{adoptingApp: adoptingProject}})
	t.Cleanup(mock.Close)
	for _, api := range sinchapi.CallbackAPIs {
		mock.SetSecret(sinchmock.API(api.Key), adoptingProject, adoptingSecrets[strings.ReplaceAll(api.Key, "-", "_")+"_callback_secret"])
	}
	mock.SetAppCallbackSecret(adoptingApp, adoptingSecrets["app_callback_secret"])
	h := acctest.NewCallbackHandler(t, acctest.VerifyWebhookSignature(adoptingSecrets["webhook_secret"]), acctest.ChecksSignatures)
	webhook := mock.AddWebhook(adoptingProject, sinchmock.Webhook{AppID: adoptingApp, Target: h.CallbackURL(),
		Triggers: []string{"MESSAGE_DELIVERY", "MESSAGE_INBOUND"}, Secret: adoptingSecrets["webhook_secret"]})
	// The guide's files are the user's at the end; at the start, the user has main.tf and the query.
	toRun := strings.NewReplacer(adoptingWebhook, webhook, adoptingTarget, h.CallbackURL())
	r := acctest.NewCLIRun(t, mock)
	acctest.RequireQuery(t, r)
	inGuide(t, r, "bringing-an-existing-project")
	final := acctest.ReadPage(t, filepath.Join(r.Dir, "generated.tf"))
	secretsFile := acctest.ReadPage(t, filepath.Join(r.Dir, "secrets.tf"))
	for _, name := range []string{"generated.tf", "secrets.tf"} {
		if err := os.Remove(filepath.Join(r.Dir, name)); err != nil {
			t.Fatal(err)
		}
	}
	env := []string{"SINCH_KEY_SECRET=" + acctest.TestKeySecret, "SINCH_PROJECT_ID=" + adoptingProject}
	for name, secret := range adoptingSecrets {
		env = append(env, "TF_VAR_"+name+"="+secret)
	}

	// 1. The query: one result a list, and the exploring list of the guide's step 1, with its filter.
	n := len(mock.Requests())
	results := queryResults(t, r.Run(true, env, "query", "-json"))
	calls, writes := requestsSince(mock, n)
	for _, address := range append(callbackListAddresses(), "list.sinch_conversation_app_callback_settings.app", "list.sinch_conversation_webhook.app") {
		if found := results[address]; len(found) != 1 || found[0].Identity["write_only"] != true {
			t.Errorf("%s found %+v, want one object, write-only", address, found)
		}
	}
	if got := results["list.sinch_conversation_webhook.app"]; len(got) == 1 && got[0].Identity["webhook_id"] != webhook {
		t.Errorf("the webhook found: %+v", got[0])
	}
	expectCosts(t, "terraform query", calls)
	out := acctest.Prose(r.Run(true, env, "query"))
	step1 := acctest.ReadPage(t, adoptingGuide)
	shown := regexp.MustCompile("(?s)\n## 1\\. .*?```text\n(.*?)```.*?```terraform\n(list .*?)```").FindStringSubmatch(step1)
	if shown == nil {
		t.Fatal("the guide's step 1 lost its output or its filtered list")
	}
	for _, line := range strings.Split(strings.TrimSpace(shown[1]), "\n") {
		if !strings.Contains(out, acctest.Prose(toRun.Replace(line))) {
			t.Errorf("terraform query does not show the guide's line %q:\n%s", line, out)
		}
	}
	// The filtered list, in a folder of its own (beside project.tfquery.hcl, its results would be generated
	// too): the webhook sends delivery reports.
	explore := filepath.Join(filepath.Dir(r.Dir), "explore")
	if err := os.Mkdir(explore, 0o700); err != nil {
		t.Fatal(err)
	}
	acctest.WriteFile(t, filepath.Join(explore, "main.tf"), acctest.ReadPage(t, filepath.Join(r.Dir, "main.tf")))
	acctest.WriteFile(t, filepath.Join(explore, "explore.tfquery.hcl"), shown[2])
	guideDir := r.Dir
	r.Dir = explore
	if got := queryResults(t, r.Run(true, env, "query", "-json"))["list.sinch_conversation_webhook.deliveries"]; len(got) != 1 {
		t.Errorf("the guide's filtered list found %+v, want the webhook", got)
	}
	r.Dir = guideDir

	// 2. The generated configuration, with the guide's edits (step 3), is the guide's generated.tf
	// without step 5 (the lifecycle of the webhook and the action).
	n = len(mock.Requests())
	r.Run(true, env, "query", "-generate-config-out=generated.tf")
	calls, more := requestsSince(mock, n)
	writes = append(writes, more...)
	expectCosts(t, "terraform query -generate-config-out", calls)
	generated := acctest.ReadPage(t, filepath.Join(r.Dir, "generated.tf"))
	acctest.WriteFile(t, filepath.Join(r.Dir, "generated.tf"), adoptingEdit(generated))
	r.Run(true, nil, "fmt", "generated.tf")
	edited := acctest.ReadPage(t, filepath.Join(r.Dir, "generated.tf"))
	withoutStep5 := regexp.MustCompile(`(?s)\n\n  # Step 5:.*?\n  }\n`).ReplaceAllString(toRun.Replace(final), "\n")
	withoutStep5 = regexp.MustCompile(`(?ms)^action .*?^\}\n`).ReplaceAllString(withoutStep5, "")
	if got, want := topLevelBlocks(edited), topLevelBlocks(withoutStep5); got != want {
		t.Errorf("the generated configuration, edited as the guide says, is not the guide's generated.tf (step 5 aside):\n%s\nwant:\n%s", got, want)
	}
	if strings.Count(final, "\nresource ") != 6 || strings.Count(final, "\nimport {") != 6 || !strings.Contains(final, "action_trigger {") {
		t.Fatalf("the guide's generated.tf lost a resource, an import or step 5:\n%s", final)
	}

	// 4. The plan imports every object and changes nothing; so does the apply. A _wo_version set during
	// the import is a new version: it plans the write of that secret, as the guide says.
	acctest.WriteFile(t, filepath.Join(r.Dir, "secrets.tf"), secretsFile)
	versioned := regexp.MustCompile(`(?m)^(  secret_wo_version\s*= )null(\n  target)`).ReplaceAllString(edited, "${1}1${2}")
	acctest.WriteFile(t, filepath.Join(r.Dir, "generated.tf"), versioned)
	acctest.ExpectSays(t, r.Run(true, env, "plan", "-input=false"), "# sinch_conversation_webhook.app_0 will be updated in-place",
		"(will be imported first)", "+ secret_wo_version = 1", "Plan: 6 to import, 0 to add, 1 to change, 0 to destroy.")
	// client_credentials = {} left as Terraform wrote it.
	acctest.WriteFile(t, filepath.Join(r.Dir, "generated.tf"), strings.Replace(edited, "resource \"sinch_conversation_webhook\" \"app_0\" {\n",
		"resource \"sinch_conversation_webhook\" \"app_0\" {\n  client_credentials = {}\n", 1))
	acctest.ExpectSays(t, r.Run(false, env, "plan", "-input=false"),
		`Inappropriate value for attribute "client_credentials": attributes "client_id" and "endpoint" are required.`)
	// A secret that is not the one Sinch holds.
	acctest.WriteFile(t, filepath.Join(r.Dir, "generated.tf"), edited)
	wrong := append(append([]string(nil), env...), "TF_VAR_numbers_callback_secret=not-the-one-at-sinch-1234")
	acctest.ExpectSays(t, r.Run(true, wrong, "plan", "-input=false"), "# sinch_numbers_callback_configuration.project_0 will be updated in-place",
		`~ hmac_secret_wo_status = "applied" -> (known after apply)`, "Plan: 6 to import, 0 to add, 1 to change, 0 to destroy.")

	n = len(mock.Requests())
	out = r.Run(true, env, "plan", "-input=false")
	calls, more = requestsSince(mock, n)
	writes = append(writes, more...)
	expectCosts(t, "terraform plan", calls)
	acctest.ExpectSays(t, out, "Plan: 6 to import, 0 to add, 0 to change, 0 to destroy.", `hmac_secret_wo_status = "applied"`)
	if strings.Count(out, "will be imported") != 6 {
		t.Errorf("the plan does not import the six objects:\n%s", out)
	}
	n = len(mock.Requests())
	out = r.Run(true, env, "apply", "-input=false", "-auto-approve")
	calls, more = requestsSince(mock, n)
	writes = append(writes, more...)
	expectCosts(t, "terraform apply", calls)
	acctest.ExpectSays(t, out, "Apply complete! Resources: 6 imported, 0 added, 0 changed, 0 destroyed.")
	if len(writes) != 0 {
		t.Errorf("the query, the generated configuration, its plan and its import wrote to Sinch: %v", writes)
	}
	r.Run(true, env, "plan", "-input=false", "-detailed-exitcode")

	// The import with a version, applied in a run of its own: it writes the webhook's secret again.
	versionRun := acctest.NewCLIRun(t, mock)
	inGuide(t, versionRun, "bringing-an-existing-project")
	acctest.WriteFile(t, filepath.Join(versionRun.Dir, "generated.tf"), versioned)
	n = len(mock.Requests())
	acctest.ExpectSays(t, versionRun.Run(true, env, "apply", "-input=false", "-auto-approve"),
		"Apply complete! Resources: 6 imported, 0 added, 1 changed, 0 destroyed.")
	if _, more = requestsSince(mock, n); len(more) != 1 || !strings.HasPrefix(more[0], "PATCH /v1/projects/"+adoptingProject+"/webhooks/"+webhook) {
		t.Errorf("the import with secret_wo_version wrote %v, want the webhook's secret", more)
	}

	// 5. The action after each change of the webhook: none on a plan without one; a new trigger tests the
	// handler, which accepts the signed callback and refuses the forged one.
	acctest.WriteFile(t, filepath.Join(r.Dir, "generated.tf"), toRun.Replace(final))
	acctest.ExpectSays(t, r.Run(true, env, "plan", "-input=false", "-detailed-exitcode"), "No changes.")
	h.ExpectAnswers(t)
	changed := strings.Replace(toRun.Replace(final), `["MESSAGE_DELIVERY", "MESSAGE_INBOUND"]`, `["MESSAGE_DELIVERY", "MESSAGE_INBOUND", "CONTACT_CREATE"]`, 1)
	acctest.WriteFile(t, filepath.Join(r.Dir, "generated.tf"), changed)
	acctest.ExpectSays(t, r.Run(true, env, "apply", "-input=false", "-auto-approve"),
		"Plan: 0 to add, 1 to change, 0 to destroy. Actions: 1 to invoke.", "Passed: "+h.CallbackURL()+" accepted the signed callback and refused the forged one.",
		"Reference to triggering resource", "Actions: 1 invoked.")
	h.ExpectAnswers(t, http.StatusOK, http.StatusUnauthorized)

	for _, s := range adoptingSecrets {
		if r.StateHolds(s) || strings.Contains(generated, s) {
			t.Error("the state or the generated configuration holds a secret")
		}
	}
	r.ExpectNothingHolds("path=/v1/projects/"+adoptingProject+"/webhooks", slices.Collect(maps.Values(adoptingSecrets))...)
}

// expectCosts fails unless a command's calls to Sinch were, as the guide says, one access token and one
// GET a list block of the query, which is one GET an object of the project.
func expectCosts(t *testing.T, command string, calls []string) {
	const gets = 6
	t.Helper()
	tokens, got := 0, 0
	for _, c := range calls {
		switch {
		case c == "token":
			tokens++
		case strings.HasPrefix(c, http.MethodGet+" "):
			got++
		}
	}
	if tokens != 1 || got != gets || len(calls) != tokens+got {
		t.Errorf("%s called Sinch %q, want one token and %d GETs", command, calls, gets)
	}
}
