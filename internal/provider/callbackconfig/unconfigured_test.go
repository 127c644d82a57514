package callbackconfig

import (
	"context"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/action"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/ephemeral"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/terraform-sinch/terraform-provider-sinch/internal/provider/shared"
)

// objectWith is a value of an object type with the given string attributes set and the others null.
func objectWith(t *testing.T, typ tftypes.Type, strings map[string]string) tftypes.Value {
	t.Helper()
	object, ok := typ.(tftypes.Object)
	if !ok {
		t.Fatalf("%s is not an object type", typ)
	}
	values := map[string]tftypes.Value{}
	for name, attributeType := range object.AttributeTypes {
		values[name] = tftypes.NewValue(attributeType, nil)
		if s, ok := strings[name]; ok {
			values[name] = tftypes.NewValue(attributeType, s)
		}
	}
	return tftypes.NewValue(object, values)
}

func expectNotConfigured(t *testing.T, what string, diags diag.Diagnostics) {
	t.Helper()
	if len(diags) != 1 || diags[0].Summary() != "Sinch provider not configured" {
		t.Errorf("%s without provider data: %v, want one error saying the provider is not configured", what, diags)
	}
}

// Terraform should configure the provider before any call that needs it; if it ever does not, each
// operation reports it rather than panicking.
func TestOperationsBeforeConfigure(t *testing.T) {
	ctx := context.Background()

	r := &CallbackConfigurationResource{api: numbersAPI}
	var rs resource.SchemaResponse
	r.Schema(ctx, resource.SchemaRequest{}, &rs)
	raw := objectWith(t, rs.Schema.Type().TerraformType(ctx), map[string]string{"project_id": "p", "id": "p", "hmac_secret": "s"})
	state := tfsdk.State{Schema: rs.Schema, Raw: raw}
	read := resource.ReadResponse{State: state}
	r.Read(ctx, resource.ReadRequest{State: state}, &read)
	expectNotConfigured(t, "Read", read.Diagnostics)
	create := resource.CreateResponse{State: state}
	r.Create(ctx, resource.CreateRequest{Config: tfsdk.Config{Schema: rs.Schema, Raw: raw}, Plan: tfsdk.Plan{Schema: rs.Schema, Raw: raw}}, &create)
	expectNotConfigured(t, "Create", create.Diagnostics)
	// Provider data without this API's calls and nothing unknown to explain it: the same, not a nil call.
	r.data = &shared.ProviderData{}
	read = resource.ReadResponse{State: state}
	r.Read(ctx, resource.ReadRequest{State: state}, &read)
	expectNotConfigured(t, "Read with provider data that lacks the API", read.Diagnostics)

	d := &CallbackConfigurationDataSource{api: numbersAPI}
	var ds datasource.SchemaResponse
	d.Schema(ctx, datasource.SchemaRequest{}, &ds)
	config := tfsdk.Config{Schema: ds.Schema, Raw: objectWith(t, ds.Schema.Type().TerraformType(ctx), map[string]string{"project_id": "p"})}
	dsRead := datasource.ReadResponse{State: tfsdk.State{Schema: ds.Schema}}
	d.Read(ctx, datasource.ReadRequest{Config: config}, &dsRead)
	expectNotConfigured(t, "data source Read", dsRead.Diagnostics)

	e := &CallbackConfigurationEphemeralResource{api: numbersAPI}
	var es ephemeral.SchemaResponse
	e.Schema(ctx, ephemeral.SchemaRequest{}, &es)
	config = tfsdk.Config{Schema: es.Schema, Raw: objectWith(t, es.Schema.Type().TerraformType(ctx), map[string]string{"project_id": "p"})}
	open := ephemeral.OpenResponse{Result: tfsdk.EphemeralResultData{Schema: es.Schema}}
	e.Open(ctx, ephemeral.OpenRequest{Config: config}, &open)
	expectNotConfigured(t, "ephemeral Open", open.Diagnostics)

	a := &SendTestCallbackAction{}
	var as action.SchemaResponse
	a.Schema(ctx, action.SchemaRequest{}, &as)
	config = tfsdk.Config{Schema: as.Schema, Raw: objectWith(t, as.Schema.Type().TerraformType(ctx),
		map[string]string{"project_id": "p", "api": "numbers", "url": "https://handler.example/callbacks"})}
	invoke := action.InvokeResponse{SendProgress: func(action.InvokeProgressEvent) {}}
	a.Invoke(ctx, action.InvokeRequest{Config: config}, &invoke)
	expectNotConfigured(t, "action Invoke", invoke.Diagnostics)
}
