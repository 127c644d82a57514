package client_test

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/terraform-sinch/terraform-provider-sinch/internal/client"
	"github.com/terraform-sinch/terraform-provider-sinch/internal/sinchmock"
)

const webhooksPath = "/v1/projects/p1/webhooks"

func webhookMock(t *testing.T, opts ...func(*sinchmock.Options)) *sinchmock.Running {
	t.Helper()
	o := sinchmock.Options{KeyID: keyID, KeySecret: keySecret, Projects: map[string]string{"p1": secret}, Apps: map[string]string{"app-1": "p1"}}
	for _, f := range opts {
		f(&o)
	}
	mock := sinchmock.Start(o)
	t.Cleanup(mock.Close)
	return mock
}

func webhooksOf(t *testing.T, mock *sinchmock.Running, maxRetries int) *client.Webhooks {
	t.Helper()
	c, err := client.New(client.Config{TokenURL: mock.TokenURL, KeyID: keyID, KeySecret: keySecret, MaxRetries: maxRetries,
		RetryWaitMin: time.Millisecond, RetryWaitMax: 20 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	w, err := c.Webhooks(mock.ConversationURL)
	if err != nil {
		t.Fatal(err)
	}
	return w
}

func ptr(s string) *string { return &s }

func newHook() client.Webhook {
	return client.Webhook{AppID: "app-1", Target: "https://handler.example/callbacks", Triggers: []string{"MESSAGE_DELIVERY", "EVENT_INBOUND"},
		Secret: ptr("hook-secret-1"), ClientCredentials: &client.ClientCredentials{ClientID: "cid", ClientSecret: ptr("client-secret-1"),
			Endpoint: "https://auth.example/token", TokenRequestType: "FORM"}}
}

func TestWebhooks_calls(t *testing.T) {
	mock := webhookMock(t)
	w := webhooksOf(t, mock, 2)
	ctx := context.Background()
	made, adopted, err := w.Create(ctx, "p1", newHook())
	if err != nil || adopted || made.ID == "" || *made.Secret != "hook-secret-1" || made.TargetType != "HTTP" {
		t.Fatalf("create: %v, %v, %v", made, adopted, err)
	}
	got, err := w.Get(ctx, "p1", "app-1", made.ID)
	if err != nil || got.Target != "https://handler.example/callbacks" || got.ClientCredentials.TokenRequestType != "FORM" ||
		*got.ClientCredentials.ClientSecret != "client-secret-1" {
		t.Fatalf("get: %v, %v", got, err)
	}

	change := *got
	change.Target, change.Triggers = "https://handler.example/v2", []string{"MESSAGE_INBOUND"}
	if _, err := w.Update(ctx, "p1", change, []string{"triggers"}); err != nil {
		t.Fatal(err)
	}
	patch := mock.Requests()[len(mock.Requests())-1]
	at, _ := mock.Webhook(made.ID)
	if patch.Method != http.MethodPatch || patch.Query != "update_mask=triggers" || !strings.Contains(patch.Body, `"target":"https://handler.example/v2"`) ||
		strings.Contains(patch.Body, "secret") || at.Target != "https://handler.example/callbacks" || fmt.Sprint(at.Triggers) != "[MESSAGE_INBOUND]" {
		t.Errorf("the PATCH %s?%s %s left %+v", patch.Path, patch.Query, patch.Body, at)
	}
	if _, err := w.Update(ctx, "p1", change, []string{"target", "secret"}); err != nil {
		t.Fatal(err)
	}
	if patch := mock.Requests()[len(mock.Requests())-1]; patch.Query != "update_mask=target%2Csecret" {
		t.Errorf("the mask of two fields: %s", patch.Query)
	}

	hooks, err := w.List(ctx, "p1", "app-1")
	if err != nil || len(hooks) != 1 || hooks[0].ID != made.ID {
		t.Fatalf("list: %v, %v", hooks, err)
	}
	if err := w.Delete(ctx, "p1", "app-1", made.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := w.Get(ctx, "p1", "app-1", made.ID); !client.IsNotFound(err) {
		t.Errorf("get after delete: %v", err)
	}
	if strings.Contains(fmt.Sprintf("%v %#v %v", *made, *made, made.ClientCredentials), "secret-1") {
		t.Error("a formatted webhook shows a secret")
	}
}

// A create whose answer was lost makes exactly one webhook: the list finds the one made, which is
// adopted; a create that was not made (a 500 before it was handled) is sent again.
func TestWebhooks_createMakesOne(t *testing.T) {
	for name, tc := range map[string]struct {
		faults               []sinchmock.Fault
		hide                 bool
		wantPosts, wantPatch int
		wantAdopted          bool
	}{
		"made, then a 500":                  {faults: []sinchmock.Fault{sinchmock.Lost(500)}, wantPosts: 1, wantAdopted: true},
		"made, then the connection dropped": {faults: []sinchmock.Fault{sinchmock.Lost(0)}, wantPosts: 1, wantAdopted: true},
		"made, then a 502 page":             {faults: []sinchmock.Fault{{Status: 502, Body: "<html>Bad Gateway</html>", After: true}}, wantPosts: 1, wantAdopted: true},
		"made, then no answer in time":      {faults: []sinchmock.Fault{{Delay: 3 * time.Second, After: true, Status: 200}}, wantPosts: 1, wantAdopted: true},
		"made, then a 200 that is not JSON": {faults: []sinchmock.Fault{{Status: 200, Body: "ok", After: true}}, wantPosts: 1, wantAdopted: true},
		"made, secrets not answered":        {faults: []sinchmock.Fault{sinchmock.Lost(500)}, hide: true, wantPosts: 1, wantPatch: 1, wantAdopted: true},
		"not made: a 500, then made":        {faults: []sinchmock.Fault{{Status: 500}}, wantPosts: 2},
		"not made: a 429, then made":        {faults: []sinchmock.Fault{{Status: 429}}, wantPosts: 2},
	} {
		t.Run(name, func(t *testing.T) {
			mock := webhookMock(t, func(o *sinchmock.Options) { o.HideWebhookSecrets = tc.hide })
			mock.Script(sinchmock.Conversation, http.MethodPost, webhooksPath, tc.faults...)
			w := webhooksOf(t, mock, 2)
			if name == "made, then no answer in time" {
				c, _ := client.New(client.Config{TokenURL: mock.TokenURL, KeyID: keyID, KeySecret: keySecret, MaxRetries: 2, RequestTimeout: 500 * time.Millisecond})
				w, _ = c.Webhooks(mock.ConversationURL)
			}
			made, adopted, err := w.Create(context.Background(), "p1", newHook())
			hooks := mock.Webhooks("app-1")
			if err != nil || adopted != tc.wantAdopted || len(hooks) != 1 || made.ID != hooks[0].ID {
				t.Fatalf("got %v, %v, %v; the app has %d webhooks", made, adopted, err, len(hooks))
			}
			if hooks[0].Secret != "hook-secret-1" || hooks[0].ClientCredentials.ClientSecret != "client-secret-1" {
				t.Errorf("the webhook holds %+v", hooks[0])
			}
			if c := mock.CountsOf(sinchmock.Conversation); c.Post != tc.wantPosts || c.Patch != tc.wantPatch {
				t.Errorf("%+v, want %d POST and %d PATCH", c, tc.wantPosts, tc.wantPatch)
			}
			// The list did not show the secrets of the webhook adopted: both are written again.
			for _, r := range mock.Requests() {
				if r.Method == http.MethodPatch && r.Query != "update_mask=secret%2Cclient_credentials" {
					t.Errorf("PATCH ?%s, want both secrets written", r.Query)
				}
			}
		})
	}
}

func TestWebhooks_createUnconfirmed(t *testing.T) {
	t.Run("several new webhooks match", func(t *testing.T) {
		mock := webhookMock(t)
		w := webhooksOf(t, mock, 2)
		// The create is made, and while its answer is on the way (then lost), the same webhook is made in
		// the dashboard: two new webhooks match, and neither can be told to be the create's.
		mock.Script(sinchmock.Conversation, http.MethodPost, webhooksPath, sinchmock.Fault{Status: 503, After: true, Delay: 200 * time.Millisecond})
		time.AfterFunc(50*time.Millisecond, func() {
			hook := newHook()
			mock.AddWebhook("p1", sinchmock.Webhook{AppID: hook.AppID, Target: hook.Target, Triggers: hook.Triggers})
		})
		_, _, err := w.Create(context.Background(), "p1", newHook())
		var unconfirmed *client.CreateUnconfirmedError
		if !errors.As(err, &unconfirmed) || len(unconfirmed.Matching) != 2 || !strings.Contains(err.Error(), `2 webhooks of app "app-1" match it`) {
			t.Fatalf("got %v, want an unconfirmed create with 2 matches", err)
		}
	})
	t.Run("the list fails", func(t *testing.T) {
		mock := webhookMock(t)
		mock.Script(sinchmock.Conversation, http.MethodPost, webhooksPath, sinchmock.Lost(500))
		// The list before the create is answered; those after it fail.
		mock.Script(sinchmock.Conversation, http.MethodGet, "/v1/projects/p1/apps/app-1/webhooks", sinchmock.Fault{}, status(500), status(500), status(500))
		_, _, err := webhooksOf(t, mock, 2).Create(context.Background(), "p1", newHook())
		var unconfirmed *client.CreateUnconfirmedError
		if !errors.As(err, &unconfirmed) || unconfirmed.ListErr == nil || mock.CountsOf(sinchmock.Conversation).Post != 1 {
			t.Fatalf("got %v, want an unconfirmed create and no second POST", err)
		}
	})
	t.Run("refused: nothing made, nothing listed after", func(t *testing.T) {
		mock := webhookMock(t)
		_, _, err := webhooksOf(t, mock, 2).Create(context.Background(), "p1", client.Webhook{AppID: "app-1", Target: "https://h.example/",
			Triggers: []string{"UNSPECIFIED_TRIGGER"}})
		var refused *client.CreateRefusedError
		if !errors.As(err, &refused) || refused.Err.HTTPStatus != 400 || refused.Existing != nil || mock.CountsOf(sinchmock.Conversation).Get != 2 {
			t.Fatalf("got %v, want a refused create, with the lists before and after it", err)
		}
	})
	t.Run("the list before it fails: nothing sent", func(t *testing.T) {
		mock := webhookMock(t)
		_, _, err := webhooksOf(t, mock, 2).Create(context.Background(), "p1", client.Webhook{AppID: "no-such-app", Target: "https://h.example/",
			Triggers: []string{"MESSAGE_DELIVERY"}})
		if !client.IsNotFound(err) || mock.CountsOf(sinchmock.Conversation).Post != 0 {
			t.Fatalf("got %v, want Sinch's 404 for the app, and no POST", err)
		}
	})
	t.Run("cancelled after the create was sent", func(t *testing.T) {
		mock := webhookMock(t)
		mock.Script(sinchmock.Conversation, http.MethodPost, webhooksPath, sinchmock.Fault{Delay: 300 * time.Millisecond, After: true, Status: 200})
		ctx, cancel := context.WithCancel(context.Background())
		time.AfterFunc(100*time.Millisecond, cancel)
		// The mock makes the webhook at once, and answers only after the call was cancelled.
		made, adopted, err := webhooksOf(t, mock, 2).Create(ctx, "p1", newHook())
		hooks := mock.Webhooks("app-1")
		if len(hooks) != 1 || err != nil || !adopted || made.ID != hooks[0].ID {
			t.Fatalf("got %v, %v, %v, and %d webhooks; want the one made, adopted", made, adopted, err, len(hooks))
		}
	})
}

// An answer to a write that names another secret than the one sent does not confirm it.
func TestWebhooks_answerMustConfirmTheSecrets(t *testing.T) {
	mock := webhookMock(t)
	w := webhooksOf(t, mock, 0)
	made, _, err := w.Create(context.Background(), "p1", newHook())
	if err != nil {
		t.Fatal(err)
	}
	mock.Script(sinchmock.Conversation, http.MethodPatch, webhooksPath+"/"+made.ID,
		sinchmock.Answer(map[string]any{"id": made.ID, "target": made.Target, "secret": "another"}))
	change := *made
	change.Secret = ptr("hook-secret-2")
	_, err = w.Update(context.Background(), "p1", change, []string{"secret"})
	var mismatch *client.MismatchError
	if !errors.As(err, &mismatch) {
		t.Fatalf("got %v, want a MismatchError", err)
	}
}

// An update that changes a secret is confirmed only by an answer that names that secret or none: for
// the secret and the client secret alike, and only for what the mask names.
func TestWebhooks_updateAnswerConfirmsWhatItChanged(t *testing.T) {
	for _, tc := range []struct {
		name     string
		mask     []string
		answer   map[string]any
		mismatch bool
	}{
		{"another secret", []string{"secret"}, map[string]any{"secret": "another"}, true},
		{"another client secret", []string{"client_credentials"},
			map[string]any{"client_credentials": map[string]any{"client_id": "cid", "client_secret": "another"}}, true},
		{"no client secret in the answer", []string{"client_credentials"},
			map[string]any{"client_credentials": map[string]any{"client_id": "cid"}}, false},
		{"another client secret, not changed", []string{"target"},
			map[string]any{"client_credentials": map[string]any{"client_id": "cid", "client_secret": "another"}}, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			mock := webhookMock(t)
			w := webhooksOf(t, mock, 0)
			made, _, err := w.Create(context.Background(), "p1", newHook())
			if err != nil {
				t.Fatal(err)
			}
			answer := map[string]any{"id": made.ID, "app_id": made.AppID, "target": made.Target}
			for k, v := range tc.answer {
				answer[k] = v
			}
			mock.Script(sinchmock.Conversation, http.MethodPatch, webhooksPath+"/"+made.ID, sinchmock.Answer(answer))
			change := *made
			change.Secret = ptr("hook-secret-2")
			change.ClientCredentials = &client.ClientCredentials{ClientID: "cid", ClientSecret: ptr("client-secret-2"),
				Endpoint: "https://auth.example/token", TokenRequestType: "FORM"}
			_, err = w.Update(context.Background(), "p1", change, tc.mask)
			var mismatch *client.MismatchError
			if got := errors.As(err, &mismatch); got != tc.mismatch {
				t.Fatalf("got %v; want a MismatchError: %v", err, tc.mismatch)
			}
			if !tc.mismatch && err != nil {
				t.Fatal(err)
			}
		})
	}
}

// A list whose webhooks are not a list is not an empty list.
func TestWebhooks_listOfAnotherShape(t *testing.T) {
	for _, body := range []map[string]any{{"webhooks": 5}, {"webhooks": "none"}, {"webhooks": map[string]any{}}} {
		mock := webhookMock(t)
		mock.Script(sinchmock.Conversation, http.MethodGet, "/v1/projects/p1/apps/app-1/webhooks", sinchmock.Answer(body))
		hooks, err := webhooksOf(t, mock, 0).List(context.Background(), "p1", "app-1")
		var unexpected *client.UnexpectedAnswerError
		if !errors.As(err, &unexpected) {
			t.Errorf("%v: got %v and %v, want an UnexpectedAnswerError", body, hooks, err)
		}
	}
}

// Secrets are the values a log must never show: the secret and the client secret, those that are set.
func TestWebhook_secrets(t *testing.T) {
	for _, tc := range []struct {
		hook client.Webhook
		want []string
	}{
		{newHook(), []string{"hook-secret-1", "client-secret-1"}},
		{client.Webhook{ClientCredentials: &client.ClientCredentials{ClientSecret: ptr("c")}}, []string{"c"}},
		{client.Webhook{Secret: ptr("s"), ClientCredentials: &client.ClientCredentials{ClientID: "cid"}}, []string{"s"}},
		{client.Webhook{}, nil},
	} {
		if got := tc.hook.Secrets(); fmt.Sprint(got) != fmt.Sprint(tc.want) {
			t.Errorf("Secrets() = %q, want %q", got, tc.want)
		}
	}
}

// failingDials is a transport whose first POST requests fail as a connection that could not be made
// (op "dial") or as one lost after the request was sent (op "read"), before the others go through.
type failingDials struct {
	op          string
	fails, sent int
}

func (f *failingDials) RoundTrip(r *http.Request) (*http.Response, error) {
	if r.Method == http.MethodPost && r.URL.Path == webhooksPath {
		f.sent++
		if f.sent <= f.fails {
			errno := syscall.ECONNRESET
			if f.op == "dial" {
				errno = syscall.ECONNREFUSED
			}
			return nil, &net.OpError{Op: f.op, Net: "tcp", Err: errno}
		}
	}
	return http.DefaultTransport.RoundTrip(r)
}

// A create that never left this machine (no connection could be made) is sent again at once; one whose
// connection was lost after it was sent is sent again only once the list shows it was not made.
func TestWebhooks_createAfterAConnectionError(t *testing.T) {
	for _, tc := range []struct {
		op                string
		wantSent, wantGet int
		wantMade          bool
	}{
		// The list before the create, and no other.
		{"dial", 2, 1, true},
		// Not found in the list after it, so not made: sent again.
		{"read", 2, 2, true},
	} {
		t.Run(tc.op, func(t *testing.T) {
			mock := webhookMock(t)
			transport := &failingDials{op: tc.op, fails: 1}
			c, err := client.New(client.Config{TokenURL: mock.TokenURL, KeyID: keyID, KeySecret: keySecret, MaxRetries: 2,
				RetryWaitMin: time.Millisecond, RetryWaitMax: time.Millisecond, HTTPClient: &http.Client{Transport: transport}})
			if err != nil {
				t.Fatal(err)
			}
			w, err := c.Webhooks(mock.ConversationURL)
			if err != nil {
				t.Fatal(err)
			}
			_, _, err = w.Create(context.Background(), "p1", newHook())
			made := len(mock.Webhooks("app-1")) == 1
			counts := mock.CountsOf(sinchmock.Conversation)
			if transport.sent != tc.wantSent || counts.Get != tc.wantGet || made != tc.wantMade || (err == nil) != tc.wantMade {
				t.Fatalf("got %v after %d POST sent and %d GET; want %d and %d, made: %v", err, transport.sent, counts.Get,
					tc.wantSent, tc.wantGet, tc.wantMade)
			}
		})
	}
}

// A create that was not made however often it is sent fails after its retries, each one checked by a
// list first.
func TestWebhooks_createNotMadeGivesUp(t *testing.T) {
	mock := webhookMock(t)
	mock.Script(sinchmock.Conversation, http.MethodPost, webhooksPath, status(500), status(500), status(500))
	made, _, err := webhooksOf(t, mock, 2).Create(context.Background(), "p1", newHook())
	c := mock.CountsOf(sinchmock.Conversation)
	if err == nil || made != nil || c.Post != 3 || c.Get != 4 || len(mock.Webhooks("app-1")) != 0 {
		t.Fatalf("got %v, %v after %+v; want an error after 3 POST and 3 lists (and the one before), and no webhook", made, err, c)
	}
}

// refusedPatches is a transport that answers every PATCH with Sinch's 400, as a webhook's update that
// Sinch refuses.
type refusedPatches struct{}

func (refusedPatches) RoundTrip(r *http.Request) (*http.Response, error) {
	if r.Method != http.MethodPatch {
		return http.DefaultTransport.RoundTrip(r)
	}
	return &http.Response{StatusCode: 400, Header: http.Header{"Content-Type": {"application/json"}}, Request: r,
		Body: io.NopCloser(strings.NewReader(`{"error":{"code":400,"message":"refused","status":"INVALID_ARGUMENT"}}`))}, nil
}

// A webhook adopted after a lost create, whose secrets could not be written again, is still given to
// the caller (it exists at Sinch), with the error.
func TestWebhooks_adoptedWhenTheSecretsCannotBeWritten(t *testing.T) {
	mock := webhookMock(t, func(o *sinchmock.Options) { o.HideWebhookSecrets = true })
	mock.Script(sinchmock.Conversation, http.MethodPost, webhooksPath, sinchmock.Lost(500))
	c, err := client.New(client.Config{TokenURL: mock.TokenURL, KeyID: keyID, KeySecret: keySecret, HTTPClient: &http.Client{Transport: refusedPatches{}}})
	if err != nil {
		t.Fatal(err)
	}
	w, err := c.Webhooks(mock.ConversationURL)
	if err != nil {
		t.Fatal(err)
	}
	made, adopted, err := w.Create(context.Background(), "p1", newHook())
	hooks := mock.Webhooks("app-1")
	var apiErr *client.APIError
	if len(hooks) != 1 || made == nil || made.ID != hooks[0].ID || !adopted || !errors.As(err, &apiErr) || apiErr.HTTPStatus != 400 {
		t.Fatalf("got %v, %v, %v; want the webhook made, adopted, and the 400 of writing its secrets", made, adopted, err)
	}
}

// A create whose answer was lost never adopts a webhook that was there before it, however well it
// matches: one made in the dashboard, or the object that a create_before_destroy replaces. Such a webhook
// is left as it was (no secret written to it), and the create is sent again.
func TestWebhooks_createNeverAdoptsWhatWasThere(t *testing.T) {
	for name, tc := range map[string]struct {
		faults    []sinchmock.Fault
		wantPosts int
		wantMade  bool
	}{
		"a 500, not made, then made":    {faults: []sinchmock.Fault{status(500)}, wantPosts: 2, wantMade: true},
		"a 500 every time: none made":   {faults: []sinchmock.Fault{status(500), status(500), status(500)}, wantPosts: 3},
		"made, then the answer is lost": {faults: []sinchmock.Fault{sinchmock.Lost(500)}, wantPosts: 1, wantMade: true},
	} {
		t.Run(name, func(t *testing.T) {
			mock := webhookMock(t)
			hook := newHook()
			there := mock.AddWebhook("p1", sinchmock.Webhook{AppID: hook.AppID, Target: hook.Target, Triggers: hook.Triggers, Secret: "dashboard-secret"})
			mock.Script(sinchmock.Conversation, http.MethodPost, webhooksPath, tc.faults...)
			made, adopted, err := webhooksOf(t, mock, 2).Create(context.Background(), "p1", hook)
			if made != nil && made.ID == there {
				t.Fatalf("the create took the webhook that was there before it")
			}
			if kept, _ := mock.Webhook(there); kept.Secret != "dashboard-secret" {
				t.Errorf("the webhook that was there holds another secret now")
			}
			hooks := mock.Webhooks("app-1")
			if c := mock.CountsOf(sinchmock.Conversation); c.Post != tc.wantPosts || c.Patch != 0 {
				t.Errorf("%+v, want %d POST and no PATCH", c, tc.wantPosts)
			}
			if !tc.wantMade {
				if err == nil || len(hooks) != 1 {
					t.Fatalf("got %v and %d webhooks; want an error, and the one that was there", err, len(hooks))
				}
				return
			}
			if err != nil || len(hooks) != 2 || made == nil || made.ID != hooks[1].ID || adopted != (tc.wantPosts == 1) {
				t.Fatalf("got %v, %v, %v and %d webhooks; want the new one", made, adopted, err, len(hooks))
			}
		})
	}
}

// Two creates of one client that want the same webhook, both listed before either was made: the one
// whose answer is lost never adopts the one that the other create made.
func TestWebhooks_createNeverAdoptsAnotherCreates(t *testing.T) {
	mock := webhookMock(t)
	w := webhooksOf(t, mock, 2)
	// The first POST is made after 200 ms, and answered; the second is not made, and fails at 400 ms,
	// when the first has made its webhook: that one is new to the second create, and matches.
	mock.Script(sinchmock.Conversation, http.MethodPost, webhooksPath,
		sinchmock.Fault{Delay: 200 * time.Millisecond}, sinchmock.Fault{Status: 500, Delay: 400 * time.Millisecond})
	results := make(chan *client.Webhook, 2)
	create := func() {
		made, adopted, err := w.Create(context.Background(), "p1", newHook())
		if err != nil || adopted {
			t.Errorf("create: %v, adopted: %v", err, adopted)
		}
		results <- made
	}
	go create()
	for len(mock.Requests()) < 3 { // the token, the list and the first POST
		time.Sleep(5 * time.Millisecond)
	}
	go create()
	first, second := <-results, <-results
	if first == nil || second == nil || first.ID == second.ID || len(mock.Webhooks("app-1")) != 2 {
		t.Fatalf("got %v and %v, and %d webhooks; want two webhooks, one each", first, second, len(mock.Webhooks("app-1")))
	}
}

// A create whose access key is refused sent nothing: it says so, and is not "may have been made", when
// the key is refused at the list before it, and when it is refused (revoked, say) for the create itself.
func TestWebhooks_createWithARefusedKey(t *testing.T) {
	for name, tokens := range map[string][]sinchmock.Fault{
		"at the list":   {{Status: 401}},
		"at the create": {{}, {Status: 401}},
		// The token endpoint drops the connection (every attempt): the create was never sent either.
		"no token for the create": {{}, {Drop: true}, {Drop: true}, {Drop: true}},
	} {
		t.Run(name, func(t *testing.T) {
			// Tokens that live 1 s are renewed for every call (oauth2 renews 10 s before expiry).
			mock := webhookMock(t, func(o *sinchmock.Options) { o.TokenTTL = time.Second })
			mock.ScriptToken(tokens...)
			_, _, err := webhooksOf(t, mock, 2).Create(context.Background(), "p1", newHook())
			var tokenErr *client.TokenError
			var unconfirmed *client.CreateUnconfirmedError
			c := mock.CountsOf(sinchmock.Conversation)
			if !errors.As(err, &tokenErr) || errors.As(err, &unconfirmed) || c.Post != 0 || c.Get != min(len(tokens)-1, 1) {
				t.Fatalf("got %v after %+v, want the token error, and nothing sent or listed after", err, c)
			}
		})
	}
}

// Sinch's 404 for a webhook counts only when the list of its app, at the same host, confirms it: another
// region's host, where the app does not live, answers 404 for everything, which says nothing of the
// webhook. A delete of a webhook gone already is done only when confirmed too.
func TestWebhooks_notFoundIsConfirmed(t *testing.T) {
	mock := webhookMock(t)
	// Another region: the same project, but not its app.
	otherRegion := webhookMock(t, func(o *sinchmock.Options) { o.Apps = nil })
	ctx := context.Background()
	made, _, err := webhooksOf(t, mock, 0).Create(ctx, "p1", newHook())
	if err != nil {
		t.Fatal(err)
	}
	wrong := webhooksOf(t, otherRegion, 0)
	for name, err := range map[string]error{
		"get":    func() error { _, err := wrong.Get(ctx, "p1", "app-1", made.ID); return err }(),
		"delete": wrong.Delete(ctx, "p1", "app-1", made.ID),
	} {
		var unconfirmed *client.NotFoundUnconfirmedError
		if client.IsNotFound(err) || !errors.As(err, &unconfirmed) || !client.IsNotFound(unconfirmed.ListErr) ||
			!strings.Contains(err.Error(), `the list of app "app-1"'s webhooks that would confirm it failed`) {
			t.Errorf("%s at another region's host: %v, want a 404 that the list does not confirm", name, err)
		}
	}
	if _, ok := mock.Webhook(made.ID); !ok {
		t.Fatal("the delete at another host deleted the webhook")
	}

	// An app not known (an import) cannot confirm; a list that shows the webhook denies.
	_, err = wrong.Get(ctx, "p1", "", made.ID)
	var unconfirmed *client.NotFoundUnconfirmedError
	if !errors.As(err, &unconfirmed) || unconfirmed.ListErr != nil || client.IsNotFound(err) {
		t.Errorf("without an app: %v", err)
	}
	right := webhooksOf(t, mock, 0)
	mock.Script(sinchmock.Conversation, http.MethodGet, webhooksPath+"/"+made.ID, status(404))
	if _, err := right.Get(ctx, "p1", "app-1", made.ID); !errors.As(err, &unconfirmed) || !unconfirmed.Listed {
		t.Errorf("a 404 for a webhook that the list shows: %v", err)
	}

	// At the right host: gone, and a delete of it is done.
	mock.DeleteWebhook(made.ID)
	if _, err := right.Get(ctx, "p1", "app-1", made.ID); !client.IsNotFound(err) {
		t.Errorf("get of a webhook gone: %v, want Sinch's 404", err)
	}
	if err := right.Delete(ctx, "p1", "app-1", made.ID); err != nil {
		t.Errorf("delete of a webhook gone: %v", err)
	}
}
