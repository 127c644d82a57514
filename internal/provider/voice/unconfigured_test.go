package voice

import (
	"context"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/terraform-sinch/terraform-provider-sinch/internal/provider/shared"
)

// objectOf is a value of an object type with application_key and primary_url set, the others null.
func objectOf(t *testing.T, typ tftypes.Type) tftypes.Value {
	t.Helper()
	object, ok := typ.(tftypes.Object)
	if !ok {
		t.Fatalf("%s is not an object type", typ)
	}
	values := map[string]tftypes.Value{}
	for name, attributeType := range object.AttributeTypes {
		values[name] = tftypes.NewValue(attributeType, nil)
	}
	values[attrKey] = tftypes.NewValue(tftypes.String, "5e4a6e6c-1b2d-4c3e-9f8a-7b6c5d4e3f2a")
	if _, ok := values[attrPrimaryURL]; ok {
		values[attrPrimaryURL] = tftypes.NewValue(tftypes.String, exampleURL)
	}
	return tftypes.NewValue(object, values)
}

// Terraform should configure the provider before any call that needs it; if it ever does not (or the
// provider data lacks the Voice calls with nothing unknown to explain it), each operation says so rather
// than panicking.
func TestOperationsBeforeConfigure(t *testing.T) {
	ctx := context.Background()
	expectNotConfigured := func(what string, diags diag.Diagnostics) {
		t.Helper()
		if len(diags) != 1 || diags[0].Summary() != "Sinch provider not configured" {
			t.Errorf("%s: %v, want one error saying the provider is not configured", what, diags)
		}
	}
	for _, data := range []*shared.ProviderData{nil, {}} {
		r := &ApplicationCallbacksResource{data: data}
		var rs resource.SchemaResponse
		r.Schema(ctx, resource.SchemaRequest{}, &rs)
		raw := objectOf(t, rs.Schema.Type().TerraformType(ctx))
		state := tfsdk.State{Schema: rs.Schema, Raw: raw}
		read := resource.ReadResponse{State: state}
		r.Read(ctx, resource.ReadRequest{State: state}, &read)
		expectNotConfigured("Read", read.Diagnostics)
		create := resource.CreateResponse{State: state}
		r.Create(ctx, resource.CreateRequest{Plan: tfsdk.Plan{Schema: rs.Schema, Raw: raw}}, &create)
		expectNotConfigured("Create", create.Diagnostics)

		d := &ApplicationCallbacksDataSource{data: data}
		var ds datasource.SchemaResponse
		d.Schema(ctx, datasource.SchemaRequest{}, &ds)
		config := tfsdk.Config{Schema: ds.Schema, Raw: objectOf(t, ds.Schema.Type().TerraformType(ctx))}
		dsRead := datasource.ReadResponse{State: tfsdk.State{Schema: ds.Schema}}
		d.Read(ctx, datasource.ReadRequest{Config: config}, &dsRead)
		expectNotConfigured("data source Read", dsRead.Diagnostics)
	}
}
