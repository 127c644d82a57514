package provider

import (
	"context"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/resource"

	"github.com/terraform-sinch/terraform-provider-sinch/internal/sinchmock"
)

// BenchmarkCallbackConfigurationRead measures one refresh of the resource, the provider's share of a
// plan: go test -run '^$' -bench Read -benchmem ./internal/provider
func BenchmarkCallbackConfigurationRead(b *testing.B) {
	mock := sinchmock.Start(sinchmock.Options{KeyID: testKeyID, KeySecret: testKeySecret, Projects: map[string]string{"p1": "s"}})
	defer mock.Close()
	p := New("bench")().(*SinchProvider)
	c, err := p.client(clientKey{settings: settings{apiURL: mock.URL, tokenURL: mock.TokenURL, keyID: testKeyID,
		keySecret: testKeySecret, maxRetries: "0", requestTimeout: "30s"}})
	if err != nil {
		b.Fatal(err)
	}
	r := &CallbackConfigurationResource{data: &providerData{client: c}}
	state := stateOf(b, r, "p1", "s")
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
