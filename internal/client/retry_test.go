package client_test

import (
	"context"
	"errors"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/terraform-sinch/terraform-provider-sinch/internal/client"
	"github.com/terraform-sinch/terraform-provider-sinch/internal/sinchmock"
)

const path = "/v1/projects/p1/callback-configuration"

// setup is a client's configuration and the base URL of its API.
type setup struct {
	client.Config
	APIURL string
}

// retrying returns the Sender ID calls of the mock with fast backoff and the given retries.
func retrying(t *testing.T, mock *sinchmock.Running, maxRetries int, change ...func(*setup)) *client.CallbackConfigurations {
	t.Helper()
	s := setup{APIURL: mock.URL, Config: client.Config{TokenURL: mock.TokenURL, KeyID: keyID, KeySecret: keySecret,
		MaxRetries: maxRetries, RetryWaitMin: time.Millisecond, RetryWaitMax: 20 * time.Millisecond}}
	for _, f := range change {
		f(&s)
	}
	return callsOf(t, s.Config, senderID, s.APIURL)
}

func status(code int) sinchmock.Fault { return sinchmock.Fault{Status: code} }

func TestRetry_byStatus(t *testing.T) {
	for name, tc := range map[string]struct {
		script       []sinchmock.Fault
		wantStatus   int // 0: success
		wantAttempts int
	}{
		"503 twice, then success":   {[]sinchmock.Fault{status(503), status(503)}, 0, 3},
		"429, then success":         {[]sinchmock.Fault{status(429)}, 0, 2},
		"500 until retries run out": {[]sinchmock.Fault{status(500), status(500), status(500), status(500)}, 500, 3},
		"502 HTML until the end": {[]sinchmock.Fault{
			{Status: 502, Body: "<html/>"}, {Status: 502, Body: "<html/>"}, {Status: 502, Body: "<html/>"}}, 502, 3},
		"dropped connection, then success": {[]sinchmock.Fault{{Drop: true}}, 0, 2},
		"501 is final":                     {[]sinchmock.Fault{status(501)}, 501, 1},
		"400 is final":                     {[]sinchmock.Fault{status(400)}, 400, 1},
		"403 is final":                     {[]sinchmock.Fault{status(403)}, 403, 1},
		"401 that is not about expiry":     {[]sinchmock.Fault{status(401)}, 401, 1},
	} {
		t.Run(name, func(t *testing.T) {
			mock := newMock(t)
			mock.Script(sinchmock.SenderID, http.MethodPut, path, tc.script...)
			_, err := retrying(t, mock, 2).Update(context.Background(), "p1", "s")
			puts := mock.Counts().Put
			if tc.wantStatus == 0 {
				if err != nil || puts != tc.wantAttempts {
					t.Fatalf("got %v after %d PUTs, want success after %d", err, puts, tc.wantAttempts)
				}
				return
			}
			var apiErr *client.APIError
			if !errors.As(err, &apiErr) || apiErr.HTTPStatus != tc.wantStatus || apiErr.Attempts != tc.wantAttempts || puts != tc.wantAttempts {
				t.Fatalf("got %v after %d PUTs, want HTTP %d after %d attempts", err, puts, tc.wantStatus, tc.wantAttempts)
			}
			// The message counts attempts only when there was more than one.
			if says := strings.Contains(err.Error(), "attempts)"); says != (tc.wantAttempts > 1) {
				t.Errorf("the message %q, after %d attempts", err, tc.wantAttempts)
			}
		})
	}
}

func TestRetry_honoursRetryAfter(t *testing.T) {
	for name, header := range map[string]func() string{
		"seconds":   func() string { return "1" },
		"HTTP date": func() string { return time.Now().Add(2 * time.Second).UTC().Format(http.TimeFormat) },
	} {
		t.Run(name, func(t *testing.T) {
			mock := newMock(t)
			mock.Script(sinchmock.SenderID, http.MethodGet, path, sinchmock.Fault{Status: 429, Header: map[string]string{"Retry-After": header()}})
			c := retrying(t, mock, 1, func(cfg *setup) { cfg.RetryWaitMax = 5 * time.Second })
			started := time.Now()
			if _, err := c.Get(context.Background(), "p1"); err != nil {
				t.Fatal(err)
			}
			// An HTTP date has whole seconds, so "now + 2 s" may be as little as 1 s away.
			if waited := time.Since(started); waited < 900*time.Millisecond || waited > 4*time.Second {
				t.Errorf("waited %s", waited)
			}
		})
	}
}

func TestRetry_capsRetryAfter(t *testing.T) {
	mock := newMock(t)
	mock.Script(sinchmock.SenderID, http.MethodGet, path, sinchmock.Fault{Status: 503, Header: map[string]string{"Retry-After": "3600"}})
	c := retrying(t, mock, 1, func(cfg *setup) { cfg.RetryWaitMax = 200 * time.Millisecond })
	started := time.Now()
	if _, err := c.Get(context.Background(), "p1"); err != nil {
		t.Fatal(err)
	}
	if waited := time.Since(started); waited < 150*time.Millisecond || waited > 2*time.Second {
		t.Errorf("waited %s, want the cap of 200ms", waited)
	}
}

func TestRetry_cancelStopsTheWait(t *testing.T) {
	mock := newMock(t)
	mock.Script(sinchmock.SenderID, http.MethodPut, path, sinchmock.Fault{Status: 503, Header: map[string]string{"Retry-After": "30"}})
	c := retrying(t, mock, 3, func(cfg *setup) { cfg.RetryWaitMax = time.Minute })
	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(100*time.Millisecond, cancel)
	started := time.Now()
	_, err := c.Update(ctx, "p1", "s")
	if !errors.Is(err, context.Canceled) || time.Since(started) > 2*time.Second {
		t.Fatalf("got %v after %s, want context.Canceled at once", err, time.Since(started))
	}
	if n := mock.Counts().Put; n != 1 {
		t.Errorf("%d PUTs, want 1", n)
	}
}

func TestRetry_tokenEndpoint(t *testing.T) {
	mock := newMock(t)
	mock.ScriptToken(status(429), status(503))
	if _, err := retrying(t, mock, 2).Get(context.Background(), "p1"); err != nil {
		t.Fatal(err)
	}
	if c := mock.Counts(); c.Token != 3 || mock.TokensIssued() != 1 {
		t.Errorf("%d token requests and %d tokens, want 3 and 1", c.Token, mock.TokensIssued())
	}

	mock = newMock(t)
	mock.ScriptToken(status(429), status(429), status(429))
	_, err := retrying(t, mock, 2).Get(context.Background(), "p1")
	var tokenErr *client.TokenError
	if !errors.As(err, &tokenErr) || tokenErr.HTTPStatus != 429 || tokenErr.Attempts != 3 || mock.Counts().Get != 0 {
		t.Fatalf("got %v, want a 429 TokenError after 3 attempts and no API call", err)
	}
}

func TestRetry_expiredTokenIsRenewedOnce(t *testing.T) {
	mock := newMock(t)
	c := retrying(t, mock, 2)
	if _, err := c.Get(context.Background(), "p1"); err != nil {
		t.Fatal(err)
	}
	mock.ExpireTokens()
	if _, err := c.Get(context.Background(), "p1"); err != nil {
		t.Fatal(err)
	}
	if got := mock.Counts(); got.Get != 3 || mock.TokensIssued() != 2 {
		t.Errorf("%d GETs and %d tokens, want 3 and 2", got.Get, mock.TokensIssued())
	}

	// Sinch keeps saying "expired": the call is repeated once, not more.
	expired := sinchmock.Fault{Status: 401, Header: map[string]string{"WWW-Authenticate": `Bearer error="invalid_token", error_description="The access token expired"`}}
	mock.Script(sinchmock.SenderID, http.MethodGet, path, expired, expired)
	before := mock.Counts().Get
	_, err := c.Get(context.Background(), "p1")
	var apiErr *client.APIError
	if !errors.As(err, &apiErr) || apiErr.HTTPStatus != 401 || mock.Counts().Get-before != 2 || mock.TokensIssued() != 3 {
		t.Fatalf("got %v after %d GETs and %d tokens, want a 401 after 2 GETs and one more token", err, mock.Counts().Get-before, mock.TokensIssued())
	}
}

func transportProblem(t *testing.T, err error) (client.Problem, int) {
	t.Helper()
	var transportErr *client.TransportError
	if !errors.As(err, &transportErr) {
		t.Fatalf("got %v, want a TransportError", err)
	}
	return transportErr.Problem(), transportErr.Attempts
}

func TestTransportErrors(t *testing.T) {
	t.Run("timeout", func(t *testing.T) {
		mock := newMock(t)
		mock.Script(sinchmock.SenderID, http.MethodGet, path, sinchmock.Fault{Delay: 5 * time.Second}, sinchmock.Fault{Delay: 5 * time.Second})
		c := retrying(t, mock, 1, func(cfg *setup) { cfg.RequestTimeout = 100 * time.Millisecond })
		_, err := c.Get(context.Background(), "p1")
		if problem, attempts := transportProblem(t, err); problem != client.ProblemTimeout || attempts != 2 {
			t.Errorf("got %s after %d attempts: %v", problem, attempts, err)
		}
	})
	t.Run("refused", func(t *testing.T) {
		mock := newMock(t)
		closed := httptest.NewServer(http.NotFoundHandler())
		closed.Close()
		c := retrying(t, mock, 2, func(cfg *setup) { cfg.APIURL = closed.URL })
		_, err := c.Get(context.Background(), "p1")
		if problem, attempts := transportProblem(t, err); problem != client.ProblemRefused || attempts != 3 {
			t.Errorf("got %s after %d attempts: %v", problem, attempts, err)
		}
	})
	t.Run("TLS certificate not trusted", func(t *testing.T) {
		mock := newMock(t)
		untrusted := httptest.NewTLSServer(http.NotFoundHandler())
		defer untrusted.Close()
		c := retrying(t, mock, 2, func(cfg *setup) { cfg.APIURL = untrusted.URL })
		_, err := c.Get(context.Background(), "p1")
		if problem, attempts := transportProblem(t, err); problem != client.ProblemTLS || attempts != 1 || strings.Contains(err.Error(), "attempts") {
			t.Errorf("got %s after %d attempts: %v", problem, attempts, err)
		}
	})
	t.Run("DNS", func(t *testing.T) {
		// No lookup leaves the machine: the dialer answers as a resolver that knows no such host.
		mock := newMock(t)
		dialer := &net.Dialer{}
		noSuchHost := &http.Transport{DialContext: func(ctx context.Context, network, addr string) (net.Conn, error) {
			if strings.HasPrefix(addr, "api.sinch.test:") {
				return nil, &net.DNSError{Err: "no such host", Name: "api.sinch.test", IsNotFound: true}
			}
			return dialer.DialContext(ctx, network, addr)
		}}
		c := retrying(t, mock, 1, func(cfg *setup) {
			cfg.APIURL = "http://api.sinch.test"
			cfg.HTTPClient = &http.Client{Transport: noSuchHost}
		})
		_, err := c.Get(context.Background(), "p1")
		if problem, _ := transportProblem(t, err); problem != client.ProblemDNS {
			t.Errorf("got %s: %v", problem, err)
		}
	})
	t.Run("dropped until the end", func(t *testing.T) {
		mock := newMock(t)
		mock.Script(sinchmock.SenderID, http.MethodGet, path, sinchmock.Fault{Drop: true}, sinchmock.Fault{Drop: true}, sinchmock.Fault{Drop: true}, sinchmock.Fault{Drop: true})
		_, err := retrying(t, mock, 1).Get(context.Background(), "p1")
		if problem, _ := transportProblem(t, err); problem != client.ProblemDropped {
			t.Errorf("got %s: %v", problem, err)
		}
	})
}
