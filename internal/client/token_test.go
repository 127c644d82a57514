package client_test

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/terraform-sinch/terraform-provider-sinch/internal/client"
	"github.com/terraform-sinch/terraform-provider-sinch/internal/sinchmock"
)

func TestClient_concurrentCallsShareOneToken(t *testing.T) {
	mock := newMock(t)
	c := newClient(t, mock.URL, mock.TokenURL)
	var wg sync.WaitGroup
	for range 20 {
		wg.Go(func() {
			if _, err := c.Get(context.Background(), "p1"); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	if n := mock.Counts().Token; n != 1 {
		t.Errorf("token requests: got %d, want 1", n)
	}
	tokens := map[string]bool{}
	for _, r := range mock.Requests() {
		if r.Method == http.MethodGet {
			tokens[r.Token] = true
		}
	}
	if len(tokens) != 1 || tokens[""] {
		t.Errorf("GET requests carried %d tokens, want one", len(tokens))
	}
}

// A call that waits for another call's token request must stop waiting when its own context ends,
// while the other call still holds the token source.
func TestClient_cancelledContextStopsWaitingForTheToken(t *testing.T) {
	asked := make(chan struct{}, 1)
	release := make(chan struct{})
	slowToken := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		asked <- struct{}{}
		<-release
	}))
	defer slowToken.Close()
	c := newClient(t, "https://api.example", slowToken.URL)

	first := make(chan error, 1)
	go func() { _, err := c.Get(context.Background(), "p1"); first <- err }()
	<-asked // the first call holds the token source, waiting for the endpoint

	ctx, cancel := context.WithCancel(context.Background())
	second := make(chan error, 1)
	go func() { _, err := c.Get(ctx, "p1"); second <- err }()
	time.Sleep(50 * time.Millisecond)
	cancel()
	select {
	case err := <-second:
		if !errors.Is(err, context.Canceled) {
			t.Errorf("got %v, want context.Canceled", err)
		}
	case <-time.After(5 * time.Second):
		t.Error("the cancelled call still waits for the token source")
	}
	close(release)
	if err := <-first; err == nil {
		t.Error("the first call got a token from an endpoint that answered nothing")
	}
}

// outage is a token endpoint that answers every request with status (and Retry-After), and counts them.
func outage(t *testing.T, status int, retryAfter string) (*httptest.Server, *atomic.Int64) {
	t.Helper()
	var requests atomic.Int64
	server := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		requests.Add(1)
		if retryAfter != "" {
			w.Header().Set("Retry-After", retryAfter)
		}
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(status)
		_, _ = w.Write([]byte(`{"error":"invalid_client"}`))
	}))
	t.Cleanup(server.Close)
	return server, &requests
}

// parallelGets makes n calls at once and returns their errors and how long the last one took.
func parallelGets(c *client.CallbackConfigurations, n int) ([]error, time.Duration) {
	errs := make([]error, n)
	start := time.Now()
	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() { _, errs[i] = c.Get(context.Background(), "p1") })
	}
	wg.Wait()
	return errs, time.Since(start)
}

// When the token endpoint is down, the calls that wait for a token share one request and its retries,
// and its error: 10 parallel calls with 2 retries make 3 token requests, not 30, and all fail within
// one retry cycle (about 2 s with Retry-After: 1), not one cycle after another (20 s). A call that comes
// within the failure's TTL gets the same error without asking again; one that comes later asks again.
func TestClient_tokenOutageIsPaidOnce(t *testing.T) {
	endpoint, requests := outage(t, http.StatusServiceUnavailable, "1")
	const ttl = 3 * time.Second
	c := callsOf(t, client.Config{TokenURL: endpoint.URL, KeyID: keyID, KeySecret: keySecret, MaxRetries: 2, TokenFailureTTL: ttl},
		senderID, "https://api.example")

	errs, took := parallelGets(c, 10)
	for _, err := range errs {
		var tokenErr *client.TokenError
		if !errors.As(err, &tokenErr) || tokenErr.HTTPStatus != http.StatusServiceUnavailable || tokenErr.Attempts != 3 {
			t.Fatalf("got %v, want the 503 of the token endpoint after 3 attempts", err)
		}
	}
	if n := requests.Load(); n != 3 {
		t.Errorf("%d token requests, want 1 + max_retries = 3", n)
	}
	if took > 2*time.Second+time.Second {
		t.Errorf("the calls failed after %s, want one retry cycle (about 2 s)", took)
	}

	started := time.Now()
	if _, err := c.Get(context.Background(), "p1"); err == nil || time.Since(started) > 100*time.Millisecond || requests.Load() != 3 {
		t.Errorf("a call within the TTL: %v after %s and %d token requests, want the same error at once", err, time.Since(started), requests.Load())
	}
	time.Sleep(ttl)
	if _, _ = c.Get(context.Background(), "p1"); requests.Load() != 6 {
		t.Errorf("a call after the TTL: %d token requests in all, want a new cycle of 3", requests.Load())
	}
}

// An access key that the token endpoint refuses is refused once per client (that is, per run), not once
// per call: the answer will not change. Any 4xx but 408 and 429 is such a refusal (RFC 6749 answers 400
// for a wrong grant, 401 for a wrong client); a 408, a 429 or a 5xx is not, and is retried, then asked
// again once the failure's short cache ends.
func TestClient_refusedKeyIsAskedOnce(t *testing.T) {
	for _, tc := range []struct {
		status  int
		refused bool
	}{
		{http.StatusBadRequest, true},
		{http.StatusUnauthorized, true},
		{499, true},
		// A request timeout or a rate limit is not a refusal: the same key may pass a moment later.
		{http.StatusRequestTimeout, false},
		{http.StatusTooManyRequests, false},
		{http.StatusInternalServerError, false},
	} {
		t.Run(fmt.Sprint(tc.status), func(t *testing.T) {
			endpoint, requests := outage(t, tc.status, "")
			c := callsOf(t, client.Config{TokenURL: endpoint.URL, KeyID: keyID, KeySecret: "wrong", MaxRetries: 1,
				RetryWaitMin: time.Millisecond, RetryWaitMax: time.Millisecond, TokenFailureTTL: time.Millisecond},
				senderID, "https://api.example")
			calls := 1
			if tc.refused {
				calls = 10
			}
			errs, _ := parallelGets(c, calls)
			// Past the short cache of a failure, a refusal still stands; a failure is asked again.
			time.Sleep(10 * time.Millisecond)
			_, late := c.Get(context.Background(), "p1")
			for _, err := range append(errs, late) {
				var tokenErr *client.TokenError
				if !errors.As(err, &tokenErr) || tokenErr.HTTPStatus != tc.status || tokenErr.Code != "invalid_client" {
					t.Fatalf("got %v, want the token endpoint's %d invalid_client", err, tc.status)
				}
			}
			// A refusal is asked once; a failure is asked with its retry (2 requests), twice.
			want := int64(4)
			if tc.refused {
				want = 1
			}
			if n := requests.Load(); n != want {
				t.Errorf("%d token requests, want %d", n, want)
			}
		})
	}
}

// When the call that asked for the token is cancelled, the calls that waited for it ask again rather
// than fail with its cancellation, and the cancellation is not kept as the endpoint's failure.
func TestClient_abandonedTokenRequestIsAskedAgain(t *testing.T) {
	mock := newMock(t)
	mock.ScriptToken(sinchmock.Fault{Delay: 5 * time.Second})
	c := newClient(t, mock.URL, mock.TokenURL)

	ctx, cancel := context.WithCancel(context.Background())
	first := make(chan error, 1)
	go func() { _, err := c.Get(ctx, "p1"); first <- err }()
	for mock.Counts().Token == 0 {
		time.Sleep(5 * time.Millisecond)
	}
	second := make(chan error, 1)
	go func() { _, err := c.Get(context.Background(), "p1"); second <- err }()
	time.Sleep(50 * time.Millisecond) // the second call waits for the first one's request
	cancel()
	if err := <-first; !errors.Is(err, context.Canceled) {
		t.Errorf("the cancelled call: %v", err)
	}
	if err := <-second; err != nil {
		t.Errorf("the call that waited: %v, want a token of its own request", err)
	}
	if n := mock.Counts().Token; n != 2 {
		t.Errorf("%d token requests, want 2", n)
	}
}

// A call whose own token request it cancels (Ctrl-C in Terraform) ends with its cancellation: it does not
// ask again and again with a context that has ended.
func TestClient_cancelledTokenRequestEnds(t *testing.T) {
	mock := newMock(t)
	mock.ScriptToken(sinchmock.Fault{Delay: 5 * time.Second})
	c := newClient(t, mock.URL, mock.TokenURL)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { _, err := c.Get(ctx, "p1"); done <- err }()
	for mock.Counts().Token == 0 {
		time.Sleep(5 * time.Millisecond)
	}
	cancel()
	select {
	case err := <-done:
		if !errors.Is(err, context.Canceled) || mock.Counts().Token != 1 {
			t.Errorf("got %v after %d token requests, want the cancellation after one", err, mock.Counts().Token)
		}
	case <-time.After(3 * time.Second):
		t.Fatalf("the cancelled call has not ended, after %d token requests", mock.Counts().Token)
	}
}

// A client without an access key (or half of one) is made: the Voice API's calls need none. A call that
// needs a token fails with a *NoAccessKeyError that says what is missing, and asks the token endpoint
// nothing.
func TestClient_withoutAnAccessKey(t *testing.T) {
	mock := newMock(t)
	for _, tc := range []struct {
		keyID, keySecret     string
		noKeyID, noKeySecret bool
		says                 string
	}{
		{"", "", true, true, "its key ID and key secret is not set"},
		{"", keySecret, true, false, "its key ID is not set"},
		{keyID, "", false, true, "its key secret is not set"},
	} {
		calls := callsOf(t, client.Config{TokenURL: mock.TokenURL, KeyID: tc.keyID, KeySecret: tc.keySecret}, senderID, mock.URL)
		_, err := calls.Get(context.Background(), "p1")
		var noKey *client.NoAccessKeyError
		if !errors.As(err, &noKey) || noKey.NoKeyID != tc.noKeyID || noKey.NoKeySecret != tc.noKeySecret || !strings.Contains(err.Error(), tc.says) {
			t.Errorf("key ID %q, key secret %q: %#v (%v), want a NoAccessKeyError saying %q", tc.keyID, tc.keySecret, err, err, tc.says)
		}
	}
	if n := len(mock.Requests()); n != 0 {
		t.Errorf("%d requests without an access key, want none", n)
	}
}
