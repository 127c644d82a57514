package numbers_test

import (
	"path/filepath"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"

	"github.com/terraform-sinch/terraform-provider-sinch/internal/acctest"
	"github.com/terraform-sinch/terraform-provider-sinch/internal/sinchmock"
)

const linkedHCL = `sms_configuration   = { service_plan_id = "plan-a" }
  voice_configuration = { type = "RTC", app_id = "app-1" }`

// An import by phone number (with the provider's project), by "<project ID>/<phone number>", and with the
// terraform import command, plans no change for a configuration of what Sinch holds, and sends nothing.
func TestAccActiveNumber_import(t *testing.T) {
	env := newNumbersEnv(t, 0, linked())
	config := env.Config(project, numberHCL(linkedHCL))
	step := func(kind resource.ImportStateKind, id string) resource.TestStep {
		return resource.TestStep{Config: config, ResourceName: testNumber, ImportState: true, ImportStateKind: kind, ImportStateId: id}
	}
	command := step(resource.ImportCommandWithID, phone)
	command.ImportStateVerify = true
	command.ImportStateVerifyIgnore = []string{"timeouts"}
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: env.Factories,
		Steps: []resource.TestStep{
			{
				PreConfig: env.Start,
				Config: config + `
import {
  to = sinch_active_number.test
  id = "+12025550100"
}`,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(testNumber, plancheck.ResourceActionNoop)}},
				Check: resource.ComposeAggregateTestCheckFunc(env.ExpectPatches(),
					resource.TestCheckResourceAttr(testNumber, "id", phone),
					resource.TestCheckResourceAttr(testNumber, "project_id", project),
					resource.TestCheckResourceAttr(testNumber, "voice_configuration.app_id", "app-1")),
			},
			step(resource.ImportBlockWithID, project+"/"+phone),
			command,
		},
	})
	if patches := env.CountsSinceStart().Patch; patches != 0 {
		t.Errorf("%d PATCH since the first import", patches)
	}
}

// An import ID that is not one, and a number the project does not rent, are errors that say what to do.
func TestAccActiveNumber_importErrors(t *testing.T) {
	env := newNumbersEnv(t, 0, rented(phone))
	config := env.Config("", numberHCL(""))
	step := func(id string, phrases ...string) resource.TestStep {
		return resource.TestStep{Config: config, ResourceName: testNumber, ImportState: true, ImportStateKind: resource.ImportBlockWithID,
			ImportStateId: id, ExpectError: acctest.ErrorLike(phrases...)}
	}
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: env.Factories,
		Steps: []resource.TestStep{
			{Config: config},
			step("12025550100", "Invalid import ID", `"12025550100" names no project, and the provider has no project_id`),
			step("project-1/12025550100", "Invalid import ID", `"12025550100" is not a phone number in E.164 format`),
			step("+12025550100/project-1", "looks like a phone number where the project ID goes", `did you mean "project-1/+12025550100"`),
			step("project-1/+12025559999", "Nothing to import", `number +12025559999 of project "project-1" does not exist`, "never rents one"),
		},
	})
}

// The identity is the project and the number; an import by identity plans no change.
func TestAccIdentity_activeNumber(t *testing.T) {
	env := newNumbersEnv(t, 0, linked())
	config := env.Config("", numberHCL(linkedHCL))
	resource.UnitTest(t, resource.TestCase{
		TerraformVersionChecks:   acctest.IdentityVersions,
		ProtoV6ProviderFactories: env.Factories,
		Steps: []resource.TestStep{
			{
				Config: config,
				ConfigStateChecks: []statecheck.StateCheck{statecheck.ExpectIdentity(testNumber, map[string]knownvalue.Check{
					"project_id": knownvalue.StringExact(project), "phone_number": knownvalue.StringExact(phone)})},
			},
			{Config: config, ResourceName: testNumber, ImportState: true, ImportStateKind: resource.ImportBlockWithResourceIdentity},
		},
	})
}

// The CLI shows the warnings of a plan: an http callback URL, and a destroy that changes nothing at
// Sinch, which sends nothing.
func TestActiveNumberWarnings(t *testing.T) {
	mock := sinchmock.Start(sinchmock.Options{KeyID: acctest.TestKeyID, KeySecret: acctest.TestKeySecret,
		ActiveNumbers: map[string][]sinchmock.ActiveNumber{project: {rented(phone)}}})
	t.Cleanup(mock.Close)
	r := acctest.NewCLIRun(t, mock)
	acctest.WriteFile(t, filepath.Join(r.Dir, "main.tf"), acctest.CLIProviderBlock+numberHCL(`callback_url = "http://events.example/numbers"`))
	env := []string{"SINCH_KEY_SECRET=" + acctest.TestKeySecret, "TF_VAR_secret=unused-0123456789"}
	out := r.Run(true, env, "apply", "-input=false", "-auto-approve")
	acctest.ExpectSays(t, out, "Warning: Provisioning events in clear text",
		`callback_url "http://events.example/numbers" is an http:// URL`)
	before := mock.Counts()
	out = r.Run(true, env, "destroy", "-input=false", "-auto-approve")
	acctest.ExpectSays(t, out, "Warning: Number stays rented and configured",
		`Destroying sinch_active_number +12025550100 of project "project-1" changes nothing at Sinch`,
		"This provider never releases a number", "1 destroyed")
	if sent := mock.Counts().Sub(before); sent.Patch+sent.Post+sent.Put+sent.Delete != 0 {
		t.Errorf("the destroy sent %+v", sent)
	}
	if n, _ := mock.ActiveNumber(project, phone); n.CallbackURL != "http://events.example/numbers" {
		t.Errorf("after the destroy, Sinch holds %+v", n)
	}
}
