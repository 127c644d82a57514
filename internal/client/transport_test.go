package client

import (
	"net/http"
	"testing"
	"time"
)

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
