package provider

import (
	"context"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/terraform-sinch/terraform-provider-sinch/internal/sinchmock"
)

// Terraform shows warnings to the user but plugin-testing cannot see them, so these tests call the
// resource directly.

func stateOf(t testing.TB, r resource.Resource, projectID string) tfsdk.State {
	t.Helper()
	var schema resource.SchemaResponse
	r.Schema(context.Background(), resource.SchemaRequest{}, &schema)
	state := tfsdk.State{Schema: schema.Schema, Raw: tftypes.NewValue(schema.Schema.Type().TerraformType(context.Background()), nil)}
	diags := state.Set(context.Background(), CallbackConfigurationResourceModel{
		ID: types.StringValue(projectID), ProjectID: types.StringValue(projectID), HMACSecret: types.StringValue("s"),
	})
	if diags.HasError() {
		t.Fatal(diags)
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

func TestCallbackConfigurationResource_deleteWarnsAndMakesNoCall(t *testing.T) {
	// No client: a call would panic.
	r := &CallbackConfigurationResource{api: senderIDAPI, data: &providerData{}}
	resp := resource.DeleteResponse{}
	r.Delete(context.Background(), resource.DeleteRequest{State: stateOf(t, r, "project-1")}, &resp)

	expectOneWarning(t, resp.Diagnostics, "Callback configuration left in place at Sinch",
		`the HMAC secret of project "project-1" in the Sender ID Registrations API stays as it is`)
}
