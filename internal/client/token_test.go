package client_test

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
	"time"
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
