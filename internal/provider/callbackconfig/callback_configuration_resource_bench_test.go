package callbackconfig

import (
	"context"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"

	"github.com/terraform-sinch/terraform-provider-sinch/internal/provider/shared"
	"github.com/terraform-sinch/terraform-provider-sinch/internal/sinchmock"
)

// BenchmarkCallbackConfigurationRead measures one refresh of the resource, the provider's share of a
// plan: go test -run '^$' -bench Read -benchmem ./internal/provider/callbackconfig
func BenchmarkCallbackConfigurationRead(b *testing.B) {
	mock := sinchmock.Start(sinchmock.Options{KeyID: testKeyID, KeySecret: testKeySecret, Projects: map[string]string{"p1": "s"}})
	defer mock.Close()
	r := &CallbackConfigurationResource{api: senderIDAPI, data: dataFor(b, mock)}
	state := stateOf(b, r, "p1")
	ctx := context.Background()
	b.ReportAllocs()
	for b.Loop() {
		resp := resource.ReadResponse{State: state}
		r.Read(ctx, resource.ReadRequest{State: state}, &resp)
		if resp.Diagnostics.HasError() {
			b.Fatal(resp.Diagnostics)
		}
	}
}

// BenchmarkCallbackConfigurationModifyPlan measures the plan of a resource that has not changed, which
// every plan and every destroy makes once per resource.
func BenchmarkCallbackConfigurationModifyPlan(b *testing.B) {
	r := &CallbackConfigurationResource{api: senderIDAPI, data: &shared.ProviderData{ProjectID: "default", Plans: shared.NewPlanCounts()}}
	state := stateOf(b, r, "p1")
	ctx := context.Background()
	b.ReportAllocs()
	for b.Loop() {
		req := resource.ModifyPlanRequest{
			Config: tfsdk.Config(state),
			Plan:   tfsdk.Plan(state),
			State:  state,
		}
		resp := resource.ModifyPlanResponse{Plan: req.Plan}
		r.ModifyPlan(ctx, req, &resp)
		if resp.Diagnostics.HasError() || len(resp.RequiresReplace) > 0 {
			b.Fatal(resp.Diagnostics, resp.RequiresReplace)
		}
	}
}
