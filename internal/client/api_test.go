package client_test

import (
	"context"
	"strings"
	"testing"

	"github.com/terraform-sinch/terraform-provider-sinch/internal/client"
	"github.com/terraform-sinch/terraform-provider-sinch/internal/sinchmock"
)

// Each API is called with its own path and update method, at its own host, with one token for all.
func TestClient_eachAPI(t *testing.T) {
	mock := newMock(t)
	c, err := client.New(client.Config{TokenURL: mock.TokenURL, KeyID: keyID, KeySecret: keySecret})
	if err != nil {
		t.Fatal(err)
	}
	for api, served := range map[client.API]sinchmock.API{
		client.SenderIDRegistrations: sinchmock.SenderID, client.Brands: sinchmock.Brands, client.Numbers: sinchmock.Numbers,
	} {
		calls, err := c.CallbackConfigurations(api, mock.URLOf(served))
		if err != nil {
			t.Fatal(err)
		}
		if _, err := calls.Update(context.Background(), "p1", "secret-of-"+api.Name); err != nil {
			t.Fatalf("%s: %v", api.Name, err)
		}
		got, err := calls.Get(context.Background(), "p1")
		if err != nil || got.HMACSecret != "secret-of-"+api.Name {
			t.Fatalf("%s: read %v, %v", api.Name, got, err)
		}
		requests := mock.Requests()
		update := requests[len(requests)-2]
		if update.API != served || update.Method != api.UpdateMethod || update.Path != served.Path("p1") ||
			update.Body != `{"hmacSecret":"secret-of-`+api.Name+`"}` {
			t.Errorf("%s: the update was %+v", api.Name, update)
		}
	}
	if c := mock.Counts(); c.Token != 1 || c.Put != 2 || c.Patch != 1 {
		t.Errorf("%+v, want one token for every API, 2 PUT and 1 PATCH", c)
	}
	for _, api := range []client.API{client.SenderIDRegistrations, client.Brands, client.Numbers} {
		if !strings.HasPrefix(api.DefaultURL, "https://") || !strings.HasSuffix(api.DefaultURL, ".sinch.com") {
			t.Errorf("%s: default URL %q", api.Name, api.DefaultURL)
		}
	}
}
