package sinchmock_test

import (
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/terraform-sinch/terraform-provider-sinch/internal/sinchapi/documented"
	"github.com/terraform-sinch/terraform-provider-sinch/internal/sinchmock"
)

// Each API has its own listener, its documented calls and its own state; one token serves them all.
func TestEachAPI(t *testing.T) {
	mock := start(t)
	bearer := token(t, mock)
	want := sinchmock.Counts{Token: 1}
	for _, api := range sinchmock.APIs {
		documentedCalls := documented.CallbackConfigurations[string(api)]
		if api.UpdateMethod() != documentedCalls.Update || api.Path("p1") != fmt.Sprintf(documentedCalls.Path, "p1") {
			t.Errorf("%s: %s %s, want %s %s as documented", api, api.UpdateMethod(), api.Path("p1"), documentedCalls.Update, documentedCalls.Path)
		}
		want.Get++
		if documentedCalls.Update == http.MethodPut {
			want.Put++
		} else {
			want.Patch++
		}
		secret := "secret-of-" + string(api)
		resp, body := callAPI(t, mock, api, api.UpdateMethod(), "p1", bearer, `{"hmacSecret":"`+secret+`"}`)
		if resp.StatusCode != 200 || body["hmacSecret"] != secret {
			t.Errorf("%s %s: HTTP %d %v", api, api.UpdateMethod(), resp.StatusCode, body)
		}
		if c := mock.CountsOf(api); c.Put+c.Patch != 1 || c.Token != 0 {
			t.Errorf("%s counts %+v", api, c)
		}
	}
	for _, api := range sinchmock.APIs {
		if s, _ := mock.Secret(api, "p1"); s != "secret-of-"+string(api) {
			t.Errorf("%s holds %q: the APIs share their state", api, s)
		}
		resp, body := callAPI(t, mock, api, http.MethodGet, "p1", bearer, "")
		if resp.StatusCode != 200 || body["hmacSecret"] != "secret-of-"+string(api) {
			t.Errorf("GET %s: HTTP %d %v", api, resp.StatusCode, body)
		}
	}
	if c := mock.Counts(); c != want {
		t.Errorf("counts %+v, want %+v", c, want)
	}

	// The other API's verb, or the other API's path, is not there.
	for _, tc := range []struct {
		api          sinchmock.API
		method, path string
		want         int
	}{
		{sinchmock.Numbers, http.MethodPut, "/v1/projects/p1/callbackConfiguration", http.StatusMethodNotAllowed},
		{sinchmock.SenderID, http.MethodPatch, "/v1/projects/p1/callback-configuration", http.StatusMethodNotAllowed},
		{sinchmock.Brands, http.MethodPatch, "/v1/projects/p1/callback-configuration", http.StatusMethodNotAllowed},
		{sinchmock.Numbers, http.MethodGet, "/v1/projects/p1/callback-configuration", http.StatusNotFound},
		{sinchmock.SenderID, http.MethodGet, "/v1/projects/p1/callbackConfiguration", http.StatusNotFound},
		{sinchmock.Brands, http.MethodPost, sinchmock.TokenPath, http.StatusNotFound},
	} {
		req, _ := http.NewRequest(tc.method, mock.URLOf(tc.api)+tc.path, strings.NewReader(`{"hmacSecret":"x"}`))
		req.Header.Set("Authorization", "Bearer "+bearer)
		req.Header.Set("Content-Type", "application/json")
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != tc.want {
			t.Errorf("%s %s at %s: HTTP %d, want %d", tc.method, tc.path, tc.api, resp.StatusCode, tc.want)
		}
	}
	if s, _ := mock.Secret(sinchmock.Numbers, "p1"); s != "secret-of-numbers" {
		t.Errorf("a refused request changed the secret to %q", s)
	}
}
