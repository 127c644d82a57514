package client_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/terraform-sinch/terraform-provider-sinch/internal/client"
	"github.com/terraform-sinch/terraform-provider-sinch/internal/sinchapi"
	"github.com/terraform-sinch/terraform-provider-sinch/internal/sinchapi/documented"
	"github.com/terraform-sinch/terraform-provider-sinch/internal/sinchmock"
)

// Each API is called with its documented path and update method, at its own host, with one token for
// all.
func TestClient_eachAPI(t *testing.T) {
	mock := newMock(t)
	c, err := client.New(client.Config{TokenURL: mock.TokenURL, KeyID: keyID, KeySecret: keySecret})
	if err != nil {
		t.Fatal(err)
	}
	updates := map[string]int{}
	for _, api := range sinchapi.CallbackAPIs {
		served := sinchmock.API(api.Key)
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
		update, read := requests[len(requests)-2], requests[len(requests)-1]
		want := documented.CallbackConfigurations[api.Key]
		if update.API != served || update.Method != want.Update || update.Path != fmt.Sprintf(want.Path, "p1") ||
			update.Body != `{"hmacSecret":"secret-of-`+api.Name+`"}` || read.Method != want.Read || read.Path != update.Path {
			t.Errorf("%s: the update was %+v, the read %+v", api.Name, update, read)
		}
		updates[want.Update]++
	}
	if c := mock.Counts(); c.Token != 1 || c.Put != updates["PUT"] || c.Patch != updates["PATCH"] {
		t.Errorf("%+v, want one token for every API, and the updates %v", c, updates)
	}
}
