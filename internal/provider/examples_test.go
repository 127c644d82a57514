package provider_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/action"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/ephemeral"
	"github.com/hashicorp/terraform-plugin-framework/resource"

	"github.com/terraform-sinch/terraform-provider-sinch/internal/provider"
	"github.com/terraform-sinch/terraform-provider-sinch/internal/sinchapi"
)

// TestExamples_everyType: every type a user can write has the examples its docs page shows (the
// registry docs of a type without them lack their example and import sections), and every API of the
// table is in the examples that show all of them. A new value in the table of APIs fails here until
// its examples are written.
func TestExamples_everyType(t *testing.T) {
	ctx := context.Background()
	p := &provider.SinchProvider{}
	root := filepath.Join("..", "..", "examples")
	expectFiles := func(folder string, names ...string) {
		t.Helper()
		for _, name := range names {
			if _, err := os.Stat(filepath.Join(root, folder, name)); err != nil {
				t.Errorf("examples/%s/%s: %v", folder, name, err)
			}
		}
	}
	var resources, dataSources, ephemerals []string
	for _, f := range p.Resources(ctx) {
		r := f()
		var resp resource.MetadataResponse
		r.Metadata(ctx, resource.MetadataRequest{ProviderTypeName: "sinch"}, &resp)
		resources = append(resources, resp.TypeName)
		expectFiles(filepath.Join("resources", resp.TypeName), "resource.tf", "import.sh",
			"import-by-string-id.tf", "import-by-identity.tf")
		// A type with a write-only secret is imported with ":write-only" too.
		var schema resource.SchemaResponse
		r.Schema(ctx, resource.SchemaRequest{}, &schema)
		for _, attribute := range schema.Schema.Attributes {
			if attribute.IsWriteOnly() {
				expectFiles(filepath.Join("resources", resp.TypeName), "import-write-only.tf")
				break
			}
		}
	}
	for _, f := range p.ListResources(ctx) {
		var resp resource.MetadataResponse
		f().Metadata(ctx, resource.MetadataRequest{ProviderTypeName: "sinch"}, &resp)
		expectFiles(filepath.Join("list-resources", resp.TypeName), "list-resource.tfquery.hcl")
	}
	for _, f := range p.DataSources(ctx) {
		var resp datasource.MetadataResponse
		f().Metadata(ctx, datasource.MetadataRequest{ProviderTypeName: "sinch"}, &resp)
		dataSources = append(dataSources, resp.TypeName)
		expectFiles(filepath.Join("data-sources", resp.TypeName), "data-source.tf")
	}
	for _, f := range p.EphemeralResources(ctx) {
		var resp ephemeral.MetadataResponse
		f().Metadata(ctx, ephemeral.MetadataRequest{ProviderTypeName: "sinch"}, &resp)
		ephemerals = append(ephemerals, resp.TypeName)
		expectFiles(filepath.Join("ephemeral-resources", resp.TypeName), "ephemeral-resource.tf")
	}
	var actions []string
	for _, f := range p.Actions(ctx) {
		var resp action.MetadataResponse
		f().Metadata(ctx, action.MetadataRequest{ProviderTypeName: "sinch"}, &resp)
		actions = append(actions, resp.TypeName)
		expectFiles(filepath.Join("actions", resp.TypeName), "action.tf")
	}
	if len(actions) < 2 {
		t.Fatalf("the provider lists %d actions: the check proves nothing", len(actions))
	}
	if len(resources) < len(sinchapi.CallbackAPIs)+1 || len(dataSources) < len(sinchapi.CallbackAPIs)+2 || len(ephemerals) < len(sinchapi.CallbackAPIs)+1 {
		t.Fatalf("the provider lists %d resources, %d data sources and %d ephemeral resources: the check proves nothing",
			len(resources), len(dataSources), len(ephemerals))
	}

	for _, file := range []string{"provider/every-api.tf", "demo/main.tf"} {
		raw, err := os.ReadFile(filepath.Join(root, file))
		if err != nil {
			t.Fatal(err)
		}
		for _, api := range sinchapi.CallbackAPIs {
			if !strings.Contains(string(raw), `resource "sinch_`+api.TypeName+`"`) {
				t.Errorf("examples/%s has no %s (the %s API)", file, "sinch_"+api.TypeName, api.Name)
			}
		}
	}
}
