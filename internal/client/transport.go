package client

import (
	"context"
	"errors"
	"math/rand/v2"
	"net"
	"net/http"
	"strconv"
	"sync/atomic"
	"time"

	"github.com/hashicorp/go-retryablehttp"
)

// Defaults of the retry and timeout settings.
const (
	DefaultMaxRetries     = 4
	DefaultRequestTimeout = 30 * time.Second
	DefaultRetryWaitMin   = 250 * time.Millisecond
	DefaultRetryWaitMax   = 30 * time.Second
)

// maxConnsPerHost is how many connections the provider holds to one host at most.
const maxConnsPerHost = 32

// newHTTPClient returns the client that carries every request, token requests included: go-retryablehttp
// retries 429, 5xx but 501, and connection errors (not TLS certificate errors) with capped, jittered
// exponential backoff that honours Retry-After; each attempt has its own timeout, is logged, and counted.
func newHTTPClient(cfg Config, log LogFunc) *http.Client {
	base := http.DefaultTransport
	if cfg.HTTPClient != nil && cfg.HTTPClient.Transport != nil {
		base = cfg.HTTPClient.Transport
	} else if defaults, ok := http.DefaultTransport.(*http.Transport); ok {
		transport := defaults.Clone()
		// Enough idle connections for Terraform's parallelism of 10, where net/http keeps 2 per host; and no
		// more open at once, which a fleet of numbers applied with a -parallelism in the hundreds would
		// otherwise multiply (each waiting number reads itself until Sinch has provisioned it): a request
		// beyond them waits for a free connection, and none is opened only to be closed.
		transport.MaxIdleConnsPerHost = maxConnsPerHost
		transport.MaxConnsPerHost = maxConnsPerHost
		base = transport
	}
	retrying := &retryablehttp.Client{
		HTTPClient: &http.Client{
			Transport:     attemptTransport{base: base, userAgent: cfg.UserAgent, log: log},
			Timeout:       orDefault(cfg.RequestTimeout, DefaultRequestTimeout),
			CheckRedirect: noRedirects,
		},
		RetryMax:     cfg.MaxRetries,
		RetryWaitMin: orDefault(cfg.RetryWaitMin, DefaultRetryWaitMin),
		RetryWaitMax: orDefault(cfg.RetryWaitMax, DefaultRetryWaitMax),
		CheckRetry:   retryPolicy,
		Backoff:      jitteredBackoff,
		// The last answer or error goes back to the caller as it is, to be explained there.
		ErrorHandler: retryablehttp.PassthroughErrorHandler,
	}
	std := retrying.StandardClient()
	std.CheckRedirect = noRedirects
	return std
}

// onceKey marks, in a request's context, a request that must not be sent twice (see request.once).
type onceKey struct{}

// retryPolicy is go-retryablehttp's default policy (429, 5xx but 501, connection errors but TLS
// certificate ones) with 408 too, but for a request that must not be sent twice, such as a create that is not
// idempotent: that one is repeated only when it surely did not reach the API, after a 429 (refused
// before it was handled) or when no connection could be made. After a 5xx, a timeout or a connection
// lost once the request was sent, the API may have acted on it, and the caller must find out.
func retryPolicy(ctx context.Context, resp *http.Response, err error) (bool, error) {
	if ctx.Value(onceKey{}) == nil {
		if err == nil && resp.StatusCode == http.StatusRequestTimeout && ctx.Err() == nil {
			// The server gave up waiting for the request, which it did not handle.
			return true, nil
		}
		return retryablehttp.DefaultRetryPolicy(ctx, resp, err)
	}
	if ctx.Err() != nil {
		return false, ctx.Err()
	}
	if err != nil {
		return notSent(err), nil
	}
	return resp.StatusCode == http.StatusTooManyRequests, nil
}

// notSent tells whether err says that a request never left this machine: no connection was made to
// the host (refused, unreachable, no such host, or no connection in time).
func notSent(err error) bool {
	var opErr *net.OpError
	return errors.As(err, &opErr) && opErr.Op == "dial"
}

// noRedirects makes an http.Client hand a 3xx answer back rather than follow it. Sinch's API does not
// redirect, and following would turn a PUT into a GET whose 200 looks like a successful write (301,
// 302, 303), or send the body and the Authorization header (a bearer token; at the token endpoint, the
// access key) to wherever Location points (307, 308). The caller reports the redirect instead.
func noRedirects(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }

func isRedirect(status int) bool { return status >= 300 && status < 400 }

// locationHost is the host that a redirect's Location names (resolved against the request's URL), or
// "" for an answer that is not a redirect or names none. Only the host is kept: the rest of a URL may
// carry anything.
func locationHost(resp *http.Response) string {
	if !isRedirect(resp.StatusCode) {
		return ""
	}
	location, err := resp.Location()
	if err != nil {
		return ""
	}
	return location.Host
}

func orDefault(d, fallback time.Duration) time.Duration {
	if d <= 0 {
		return fallback
	}
	return d
}

// jitteredBackoff waits what Retry-After asks for (seconds or an HTTP date), up to high; otherwise
// low·2^attempt, capped at high, of which a random half is waited ("equal jitter"), so that parallel
// callers do not retry in step.
func jitteredBackoff(low, high time.Duration, attempt int, resp *http.Response) time.Duration {
	if resp != nil {
		if wait, ok := retryAfter(resp.Header.Get("Retry-After"), time.Now()); ok {
			return clamp(wait, 0, high)
		}
	}
	wait := high
	if attempt < 32 && low<<attempt > 0 && low<<attempt < high {
		wait = low << attempt
	}
	return wait/2 + rand.N(wait/2+1)
}

// retryAfter parses a Retry-After header: a number of seconds, or an HTTP date.
func retryAfter(header string, now time.Time) (time.Duration, bool) {
	if header == "" {
		return 0, false
	}
	if seconds, err := strconv.ParseInt(header, 10, 64); err == nil {
		if seconds < 0 {
			return 0, false
		}
		if seconds > int64(24*time.Hour/time.Second) {
			seconds = int64(24 * time.Hour / time.Second)
		}
		return time.Duration(seconds) * time.Second, true
	}
	if at, err := http.ParseTime(header); err == nil {
		return at.Sub(now), true
	}
	return 0, false
}

func clamp(d, low, high time.Duration) time.Duration {
	return min(max(d, low), high)
}

// attemptTransport sends one attempt: it sets the User-Agent, counts the attempt in the request's
// context, and logs it.
type attemptTransport struct {
	base      http.RoundTripper
	userAgent string
	log       LogFunc
}

func (t attemptTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	ctx := req.Context()
	attempt := 1
	if counter, ok := ctx.Value(attemptsKey{}).(*atomic.Int64); ok {
		attempt = int(counter.Add(1))
	}
	if t.userAgent != "" {
		req = req.Clone(ctx)
		req.Header.Set("User-Agent", t.userAgent)
	}
	start := time.Now()
	resp, err := t.base.RoundTrip(req)
	fields := map[string]any{
		"method": req.Method, "path": req.URL.Path, "attempt": attempt,
		"duration_ms": time.Since(start).Milliseconds(),
	}
	if err != nil {
		fields["error"] = err.Error()
		t.log(ctx, "Sinch API call failed", fields)
		return nil, err
	}
	fields["status"] = resp.StatusCode
	t.log(ctx, "Sinch API call", fields)
	return resp, nil
}

type attemptsKey struct{}

// countAttempts returns a context in which attemptTransport counts attempts, and a function that
// reads the count.
func countAttempts(ctx context.Context) (context.Context, func() int) {
	counter := new(atomic.Int64)
	return context.WithValue(ctx, attemptsKey{}, counter), func() int { return int(counter.Load()) }
}
