package webhooks

import (
	"context"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/terraform-sinch/terraform-provider-sinch/internal/provider/shared"
)

// A view reads and writes as the framework's GetAttribute and SetAttribute do: the value it gives after
// a series of writes is the one the framework makes of the same writes, nested objects included.
func TestView_asTheFrameworkDoes(t *testing.T) {
	ctx := context.Background()
	s := conversation.schema()
	empty := tftypes.NewValue(s.Type().TerraformType(ctx), nil)
	framework := tfsdk.State{Schema: s, Raw: empty}
	v := shared.ViewOf(empty)
	credentials := path.Root(attrClientCredentials)
	writes := []struct {
		at    path.Path
		value any
	}{
		{path.Root(shared.AttrID), "01EXAMPLE"},
		{path.Root(attrTarget), "https://handler.example/"},
		{path.Root(attrTriggers), []string{"MESSAGE_DELIVERY", "EVENT_INBOUND"}},
		{credentials.AtName(attrClientID), "client-1"},
		{credentials.AtName(clientSecret.Name + "_wo_status"), types.StringValue("applied")},
		{path.Root(conversation.secret.Name), types.StringNull()},
		{credentials.AtName(attrScope), types.StringValue("read")},
	}
	for _, w := range writes {
		if diags := framework.SetAttribute(ctx, w.at, w.value); diags.HasError() {
			t.Fatal(diags)
		}
		if diags := v.SetAttribute(ctx, w.at, w.value); diags.HasError() {
			t.Fatal(diags)
		}
		// Reads see the writes made so far.
		var want, got types.String
		if _, isString := w.value.(string); isString {
			framework.GetAttribute(ctx, w.at, &want)
			v.GetAttribute(ctx, w.at, &got)
			if !got.Equal(want) {
				t.Errorf("%s reads %s, the framework %s", w.at, got, want)
			}
		}
	}
	if got := v.Value(); !got.Equal(framework.Raw) {
		t.Errorf("the view gives\n%s\nthe framework\n%s", got, framework.Raw)
	}
	// An object that was null, and has writes in it, reads as set.
	if shared.IsNullAt(ctx, v, credentials, nil) {
		t.Error("client_credentials reads as null after writes in it")
	}
	// Setting the nested object null drops what was written in it.
	nullCredentials := types.ObjectNull(clientCredentialsTypes())
	framework.SetAttribute(ctx, credentials, nullCredentials)
	v.SetAttribute(ctx, credentials, nullCredentials)
	if got := v.Value(); !got.Equal(framework.Raw) {
		t.Errorf("after nulling client_credentials, the view gives\n%s\nthe framework\n%s", got, framework.Raw)
	}
	if !shared.IsNullAt(ctx, v, credentials, nil) {
		t.Error("client_credentials reads as set")
	}
}
