package client

import (
	"context"
	"net"
	"net/http"
	"net/http/httptest"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// TestHTTPClient_boundsConnections: many requests at once (numbers applied with a high -parallelism, each
// reading itself while it waits) share at most maxConnsPerHost connections, each kept for the next.
func TestHTTPClient_boundsConnections(t *testing.T) {
	var opened atomic.Int64
	server := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		time.Sleep(20 * time.Millisecond)
	}))
	server.Config.ConnState = func(_ net.Conn, state http.ConnState) {
		if state == http.StateNew {
			opened.Add(1)
		}
	}
	server.Start()
	defer server.Close()
	c := newHTTPClient(Config{}, func(context.Context, string, map[string]any) {})
	var wg sync.WaitGroup
	for range 4 * maxConnsPerHost {
		wg.Go(func() {
			req, _ := http.NewRequest(http.MethodGet, server.URL, nil)
			resp, err := c.Do(req)
			if err != nil {
				t.Error(err)
				return
			}
			_ = resp.Body.Close()
		})
	}
	wg.Wait()
	if n := opened.Load(); n > maxConnsPerHost || n < 2 {
		t.Errorf("%d connections opened for %d requests at once, want 2 to %d", n, 4*maxConnsPerHost, maxConnsPerHost)
	}
}

func TestJitteredBackoff(t *testing.T) {
	const low, high = 100 * time.Millisecond, 2 * time.Second
	ms := time.Millisecond
	for attempt, ceiling := range []time.Duration{100 * ms, 200 * ms, 400 * ms, 800 * ms, 1600 * ms, 2000 * ms, 2000 * ms} {
		seen := map[time.Duration]bool{}
		for range 200 {
			wait := jitteredBackoff(low, high, attempt, nil)
			if wait < ceiling/2 || wait > ceiling {
				t.Fatalf("attempt %d waits %s, want within [%s, %s]", attempt, wait, ceiling/2, ceiling)
			}
			seen[wait] = true
		}
		if len(seen) < 10 {
			t.Errorf("attempt %d: %d distinct waits in 200, want jitter", attempt, len(seen))
		}
	}
	if wait := jitteredBackoff(low, high, 1000, nil); wait < high/2 || wait > high {
		t.Errorf("a late attempt waits %s, want the cap", wait)
	}

	answer := func(header string) *http.Response {
		return &http.Response{StatusCode: 429, Header: http.Header{"Retry-After": {header}}}
	}
	for header, want := range map[string]time.Duration{"0": 0, "1": time.Second, "3600": high} {
		if wait := jitteredBackoff(low, high, 0, answer(header)); wait != want {
			t.Errorf("Retry-After %s: waits %s, want %s", header, wait, want)
		}
	}
	if wait := jitteredBackoff(low, high, 0, answer("soon")); wait < low/2 || wait > low {
		t.Errorf("an unreadable Retry-After waits %s, want the backoff", wait)
	}
}

func TestRetryAfter(t *testing.T) {
	now := time.Date(2026, 11, 26, 12, 0, 0, 0, time.UTC)
	for header, want := range map[string]time.Duration{
		"120":                           2 * time.Minute,
		"0":                             0,
		"Thu, 26 Nov 2026 12:00:30 GMT": 30 * time.Second,
		"Thu, 26 Nov 2026 11:59:00 GMT": -time.Minute, // in the past: clamped to 0 by the backoff
		"99999999999":                   24 * time.Hour,
	} {
		if got, ok := retryAfter(header, now); !ok || got != want {
			t.Errorf("retryAfter(%q) = %s, %v; want %s", header, got, ok, want)
		}
	}
	for _, header := range []string{"", "-5", "1.5", "tomorrow"} {
		if _, ok := retryAfter(header, now); ok {
			t.Errorf("retryAfter(%q) was read", header)
		}
	}
}

// A duration left at zero (or below) is the default, not "none": a request timeout of zero would let a
// request hang for ever.
func TestOrDefault(t *testing.T) {
	for _, tc := range []struct{ d, want time.Duration }{{0, time.Minute}, {-time.Second, time.Minute}, {time.Second, time.Second}} {
		if got := orDefault(tc.d, time.Minute); got != tc.want {
			t.Errorf("orDefault(%v, 1m) = %v, want %v", tc.d, got, tc.want)
		}
	}
}
