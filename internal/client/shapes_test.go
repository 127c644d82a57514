package client_test

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/terraform-sinch/terraform-provider-sinch/internal/client"
	"github.com/terraform-sinch/terraform-provider-sinch/internal/sinchapi"
	"github.com/terraform-sinch/terraform-provider-sinch/internal/sinchmock"
)

// Answers of a shape or a status that Sinch does not give, and lists that do not end.

// endlessLists is a server whose every list answers an empty page and a new nextPageToken, and whose
// token endpoint issues a token; it counts the lists asked.
func endlessLists(t *testing.T, key string) (*httptest.Server, *atomic.Int64) {
	t.Helper()
	var lists atomic.Int64
	server := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		if r.Method == http.MethodPost {
			_, _ = w.Write([]byte(`{"access_token":"t","expires_in":3600,"token_type":"bearer"}`))
			return
		}
		n := lists.Add(1)
		_, _ = fmt.Fprintf(w, `{%q:[],"nextPageToken":"page-%d"}`, key, n)
	}))
	t.Cleanup(server.Close)
	return server, &lists
}

func TestPages_thatDoNotEnd(t *testing.T) {
	// A list bounded as it should be ends in well under a second here; one that is not, at the deadline.
	for name, list := range map[string]func(ctx context.Context, c *client.Client, url string) error{
		"active numbers": func(ctx context.Context, c *client.Client, url string) error {
			a, err := c.ActiveNumbers(url)
			if err != nil {
				return err
			}
			_, err = a.List(ctx, "p1", client.ActiveNumberFilter{})
			return err
		},
		"Provisioning webhooks": func(ctx context.Context, c *client.Client, url string) error {
			w, err := c.WebhooksOf(sinchapi.Provisioning, url)
			if err != nil {
				return err
			}
			_, err = w.List(ctx, "p1", "")
			return err
		},
	} {
		t.Run(name, func(t *testing.T) {
			key := "activeNumbers"
			if name != "active numbers" {
				key = "webhooks"
			}
			server, lists := endlessLists(t, key)
			c, err := client.New(client.Config{TokenURL: server.URL + "/oauth2/token", KeyID: keyID, KeySecret: keySecret})
			if err != nil {
				t.Fatal(err)
			}
			ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
			defer cancel()
			err = list(ctx, c, server.URL)
			var unexpected *client.UnexpectedAnswerError
			if !errors.As(err, &unexpected) || !strings.Contains(err.Error(), "pages do not end") {
				t.Errorf("after %d pages: %v, want an UnexpectedAnswerError saying the pages do not end", lists.Load(), err)
			}
		})
	}
}

func TestActiveNumbers_listOfAnotherShape(t *testing.T) {
	for _, body := range []map[string]any{{"activeNumbers": 5}, {"activeNumbers": "none"}, {"activeNumbers": map[string]any{}}} {
		mock := numbersMock(t, 0)
		mock.Script(sinchmock.Numbers, http.MethodGet, "/v1/projects/p1/activeNumbers", sinchmock.Answer(body))
		numbers, err := activeNumbersOf(t, mock).List(context.Background(), "p1", client.ActiveNumberFilter{})
		var unexpected *client.UnexpectedAnswerError
		if !errors.As(err, &unexpected) {
			t.Errorf("%v: got %v and %v, want an UnexpectedAnswerError", body, numbers, err)
		}
	}
}

// A number's voice link is read as Sinch answers it.
func TestActiveNumbers_voiceLink(t *testing.T) {
	n := smsNumber("+12025550100")
	n.VoiceConfiguration = &sinchmock.VoiceConfiguration{Type: "RTC", AppID: "app-1"}
	number, err := activeNumbersOf(t, numbersMock(t, 0, n)).Get(context.Background(), "p1", "+12025550100")
	if err != nil || number.Voice == nil || number.Voice.Type != "RTC" || number.Voice.AppID != "app-1" {
		t.Fatalf("got %+v, %v, want the voice link to app-1", number, err)
	}
}

// A 300 without a Location is no success, whatever its body says: a RedirectError, as every 3xx.
func TestClient_multipleChoicesIsNoSuccess(t *testing.T) {
	mock := newMock(t)
	mock.Script(sinchmock.SenderID, http.MethodGet, path, sinchmock.Fault{Status: http.StatusMultipleChoices,
		Header: map[string]string{"Content-Type": "application/json"}, Body: `{"hmacSecret":"` + secret + `","projectId":"p1"}`})
	got, err := newClient(t, mock.URL, mock.TokenURL).Get(context.Background(), "p1")
	var redirect *client.RedirectError
	if !errors.As(err, &redirect) || redirect.HTTPStatus != http.StatusMultipleChoices {
		t.Fatalf("a 300 read as %+v, %v; want a RedirectError", got, err)
	}
}

// The flat error body: additional information that is not a string is shown as it stands, and no
// resolution adds no empty parentheses.
func TestAPIError_flatBodyWithoutResolution(t *testing.T) {
	mock := webhookMock(t)
	mock.Script(sinchmock.Provisioning, http.MethodGet, "/v1/projects/p1/webhooks/w1", sinchmock.Fault{Status: http.StatusBadRequest,
		Header: map[string]string{"Content-Type": "application/json"},
		Body:   `{"errorCode":"INVALID","message":"bad","additionalInformation":{"limit":15,"who":"w"}}`})
	c, err := client.New(client.Config{TokenURL: mock.TokenURL, KeyID: keyID, KeySecret: keySecret})
	if err != nil {
		t.Fatal(err)
	}
	w, err := c.WebhooksOf(sinchapi.Provisioning, mock.URLOf(sinchmock.Provisioning))
	if err != nil {
		t.Fatal(err)
	}
	_, err = w.Get(context.Background(), "p1", "", "w1")
	var apiErr *client.APIError
	if !errors.As(err, &apiErr) || strings.Join(apiErr.AdditionalInformation, ", ") != "limit: 15, who: w" {
		t.Fatalf("got %v (%+v)", err, apiErr)
	}
	if strings.Contains(err.Error(), "()") {
		t.Errorf("no resolution, yet the message has empty parentheses: %v", err)
	}
}

// The Conversation API's list of an app's webhooks takes no page size: none is sent.
func TestWebhooks_conversationListSendsNoPageSize(t *testing.T) {
	mock := webhookMock(t)
	if _, err := webhooksOf(t, mock, 0).List(context.Background(), "p1", "app-1"); err != nil {
		t.Fatal(err)
	}
	for _, r := range mock.Requests() {
		if r.Method == http.MethodGet && r.Query != "" {
			t.Errorf("GET %s?%s, want no query", r.Path, r.Query)
		}
	}
}
