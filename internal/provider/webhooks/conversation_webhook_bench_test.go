package webhooks

import (
	"context"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/terraform-sinch/terraform-provider-sinch/internal/client"
	"github.com/terraform-sinch/terraform-provider-sinch/internal/provider/shared"
	"github.com/terraform-sinch/terraform-provider-sinch/internal/sinchmock"
)

// The access key the mock accepts in these benchmarks. (The acceptance tests have theirs in acctest, which
// this package's own tests cannot import: acctest imports the provider, which imports this package.)
const (
	testKeyID     = "test-key-id"
	testKeySecret = "test-key-secret-8d2e61"
)

// webhookState is the state of a webhook as the benchmark's configurations make it.
func webhookState(b *testing.B, id string) tfsdk.State {
	b.Helper()
	ctx := context.Background()
	s := conversation.schema()
	state := tfsdk.State{Schema: s, Raw: tftypes.NewValue(s.Type().TerraformType(ctx), nil)}
	for name, value := range map[string]any{shared.AttrID: id, shared.AttrProjectID: "project-1", attrAppID: "app-1",
		attrTarget: "https://handler.example/0001", attrTargetType: "HTTP", attrTriggers: []string{"MESSAGE_DELIVERY", "MESSAGE_INBOUND"},
		conversation.secret.Name: "secret-0123456789abcdef"} {
		if diags := state.SetAttribute(ctx, path.Root(name), value); diags.HasError() {
			b.Fatal(diags)
		}
	}
	return state
}

// BenchmarkConversationWebhookRead measures one refresh of a webhook, with the HTTP round trip to the
// in-process mock: go test -run '^$' -bench Webhook -benchmem ./internal/provider/webhooks
func BenchmarkConversationWebhookRead(b *testing.B) {
	mock := sinchmock.Start(sinchmock.Options{KeyID: testKeyID, KeySecret: testKeySecret, Apps: map[string]string{"app-1": "project-1"}})
	defer mock.Close()
	c, _ := client.New(client.Config{TokenURL: mock.TokenURL, KeyID: testKeyID, KeySecret: testKeySecret})
	webhooks, _ := c.Webhooks(mock.ConversationURL)
	data := &shared.ProviderData{Webhooks: map[string]*client.Webhooks{conversation.Key: webhooks}, Plans: shared.NewPlanCounts()}
	id := mock.AddWebhook("project-1", sinchmock.Webhook{AppID: "app-1", Target: "https://handler.example/0001",
		Triggers: []string{"MESSAGE_DELIVERY", "MESSAGE_INBOUND"}, Secret: "secret-0123456789abcdef"})
	r := &WebhookResource{api: conversation, data: data}
	state := webhookState(b, id)
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

// BenchmarkConversationWebhookModifyPlan measures the plan of a webhook that has not changed.
func BenchmarkConversationWebhookModifyPlan(b *testing.B) {
	r := &WebhookResource{api: conversation, data: &shared.ProviderData{ProjectID: "default", Plans: shared.NewPlanCounts()}}
	state := webhookState(b, "01EXAMPLE")
	ctx := context.Background()
	b.ReportAllocs()
	for b.Loop() {
		req := resource.ModifyPlanRequest{Config: tfsdk.Config(state), Plan: tfsdk.Plan(state), State: state}
		resp := resource.ModifyPlanResponse{Plan: req.Plan}
		r.ModifyPlan(ctx, req, &resp)
		if resp.Diagnostics.HasError() || len(resp.RequiresReplace) > 0 {
			b.Fatal(resp.Diagnostics, resp.RequiresReplace)
		}
	}
}
