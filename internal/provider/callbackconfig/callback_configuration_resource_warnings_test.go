package callbackconfig

import (
	"context"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/terraform-sinch/terraform-provider-sinch/internal/provider/shared"
	"github.com/terraform-sinch/terraform-provider-sinch/internal/sinchmock"
)

// Terraform shows warnings to the user but plugin-testing cannot see them, so these tests call the
// resource directly.

func stateOf(t testing.TB, r resource.Resource, projectID string) tfsdk.State {
	t.Helper()
	var schema resource.SchemaResponse
	r.Schema(context.Background(), resource.SchemaRequest{}, &schema)
	raw := tftypes.NewValue(schema.Schema.Type().TerraformType(context.Background()), nil)
	state := tfsdk.State{Schema: schema.Schema, Raw: raw}
	for name, value := range map[string]string{shared.AttrID: projectID, shared.AttrProjectID: projectID, hmacSecret.Name: "s"} {
		if diags := state.SetAttribute(context.Background(), path.Root(name), value); diags.HasError() {
			t.Fatal(diags)
		}
	}
	return state
}

func expectOneWarning(t *testing.T, diags diag.Diagnostics, summary, detail string) {
	t.Helper()
	if len(diags) != 1 || diags[0].Severity() != diag.SeverityWarning || diags[0].Summary() != summary ||
		!strings.Contains(diags[0].Detail(), detail) {
		t.Errorf("got %v, want one warning %q saying %q", diags, summary, detail)
	}
}

func TestCallbackConfigurationResource_readOfAMissingProjectWarnsAndForgets(t *testing.T) {
	mock := sinchmock.Start(sinchmock.Options{KeyID: testKeyID, KeySecret: testKeySecret})
	defer mock.Close()
	r := &CallbackConfigurationResource{api: senderIDAPI, data: dataFor(t, mock)}
	state := stateOf(t, r, "gone-project")
	resp := resource.ReadResponse{State: state}
	r.Read(context.Background(), resource.ReadRequest{State: state}, &resp)

	expectOneWarning(t, resp.Diagnostics, "Sinch project no longer exists", `project "gone-project" does not exist`)
	if !resp.State.Raw.IsNull() {
		t.Error("the resource is still in state")
	}
}

// Destroy makes no call, and its plan warns that the secret stays at Sinch.
func TestCallbackConfigurationResource_destroyWarnsAtPlanAndMakesNoCall(t *testing.T) {
	// No client: a call would panic.
	r := &CallbackConfigurationResource{api: senderIDAPI, data: &shared.ProviderData{}}
	state := stateOf(t, r, "project-1")
	plan := resource.ModifyPlanResponse{Plan: tfsdk.Plan{Schema: state.Schema, Raw: tftypes.NewValue(state.Raw.Type(), nil)}}
	r.ModifyPlan(context.Background(), resource.ModifyPlanRequest{State: state, Plan: plan.Plan}, &plan)
	expectOneWarning(t, plan.Diagnostics, "Callback configuration stays at Sinch",
		`destroying sinch_callback_configuration for project "project-1" in the Sender ID Registrations API only makes Terraform stop managing it`)

	resp := resource.DeleteResponse{}
	r.Delete(context.Background(), resource.DeleteRequest{State: state}, &resp)
	if len(resp.Diagnostics) != 0 {
		t.Errorf("Delete: %v", resp.Diagnostics)
	}
}
