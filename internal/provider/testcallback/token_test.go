package testcallback_test

import (
	"net/http"
	"strings"
	"testing"

	"github.com/terraform-sinch/terraform-provider-sinch/internal/acctest"
	"github.com/terraform-sinch/terraform-provider-sinch/internal/provider/testcallback"
)

// withCredentials is a test of the handler h whose webhook has client credentials at h's token endpoint.
func withCredentials(h *acctest.CallbackHandler, requestType string) testcallback.Test {
	test := newTest(h.CallbackURL(), testcallback.WebhookSignatureScheme)
	test.Credentials = &testcallback.Credentials{ClientID: "client-1", ClientSecret: clientSecret, Endpoint: h.TokenURL(),
		TokenRequestType: requestType}
	return test
}

// With client credentials, each callback carries a token that the webhook's token endpoint issued, in a
// token request of the webhook's type: BASIC (also meant by none) or FORM.
func TestRun_clientCredentials(t *testing.T) {
	for requestType, form := range map[string]bool{"BASIC": false, "": false, "FORM": true} {
		t.Run("type "+requestType, func(t *testing.T) {
			h := acctest.NewCallbackHandler(t, acctest.VerifyWebhookSignature(secret), acctest.ChecksSignatures)
			h.Client = &acctest.TokenClient{ID: "client-1", Secret: clientSecret, Form: form}
			diags, progress := run(t, withCredentials(h, requestType), h)
			if diags.HasError() {
				t.Fatal(diags)
			}
			h.ExpectAnswers(t, http.StatusOK, http.StatusUnauthorized)
			tokens := h.Tokens()
			for _, c := range h.Callbacks() {
				if len(tokens) != 1 || c.Header.Get("Authorization") != "Bearer "+tokens[0] {
					t.Errorf("a callback carries %q; the endpoint issued %d tokens", c.Header.Get("Authorization"), len(tokens))
				}
			}
			if !strings.HasPrefix(progress[0], "Fetching an access token from "+h.TokenURL()+` for client "client-1"`) ||
				!strings.HasPrefix(progress[1], h.TokenURL()+" answered a token (expires_in 3600 s)") {
				t.Errorf("progress %q", progress[:2])
			}
		})
	}
}

// A token endpoint that refuses the credentials, one that expects them in the other form, a token that
// Sinch would not take, and an endpoint in plain http: each fails with what to do, and no callback is
// sent.
func TestRun_clientCredentialsThatFail(t *testing.T) {
	for name, tc := range map[string]struct {
		client      acctest.TokenClient
		requestType string
		endpoint    string
		summary     string
		phrases     []string
	}{
		"wrong client secret": {client: acctest.TokenClient{ID: "client-1", Secret: "another"}, requestType: "BASIC",
			summary: "Token endpoint refused the client credentials", phrases: []string{"HTTP 401 Unauthorized, invalid_client",
				`client "client-1" (token request BASIC)`, "Check the client_credentials of url"}},
		"FORM where the endpoint wants BASIC": {client: acctest.TokenClient{ID: "client-1", Secret: clientSecret}, requestType: "FORM",
			summary: "Token endpoint refused the client credentials", phrases: []string{"token request FORM", "FORM in the form body"}},
		"a token of two hours": {client: acctest.TokenClient{ID: "client-1", Secret: clientSecret, ExpiresIn: 7200}, requestType: "BASIC",
			summary: "Token not usable by Sinch", phrases: []string{"expires_in 7200", "from 30 to 3600 seconds"}},
		"plain http": {client: acctest.TokenClient{ID: "client-1", Secret: clientSecret}, requestType: "BASIC",
			endpoint: "http://auth.example/token", summary: "Token endpoint not https",
			phrases: []string{"http://auth.example/token uses plain http", "Make the endpoint https"}},
	} {
		t.Run(name, func(t *testing.T) {
			h := acctest.NewCallbackHandler(t, acctest.VerifyWebhookSignature(secret), acctest.ChecksSignatures)
			h.Client = &tc.client
			test := withCredentials(h, tc.requestType)
			if tc.endpoint != "" {
				test.Credentials.Endpoint = tc.endpoint
			}
			diags, _ := run(t, test, h)
			expectError(t, diags, tc.summary, tc.phrases...)
			h.ExpectAnswers(t)
		})
	}
}
