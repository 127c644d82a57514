package client

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"sync"
	"time"

	"golang.org/x/oauth2"
	"golang.org/x/oauth2/clientcredentials"
)

// DefaultTokenFailureTTL is how long the error of a failed token request is handed to the calls that ask
// for a token after it, when the failure may pass (a 429, a 5xx, no answer).
const DefaultTokenFailureTTL = 10 * time.Second

// tokenSource hands out one client-credentials token until it expires. Unlike oauth2.ReuseTokenSource:
//   - it takes the caller's context, so a cancelled Terraform run stops waiting for the token endpoint;
//   - one request at a time goes to the token endpoint, and its outcome, error included, goes to every
//     call that waited for it: when the endpoint is down, 50 resources pay for one retry cycle, not 50
//     in a row;
//   - an error is kept for the calls that come after it: for the life of the client when the endpoint
//     refused the access key (it will not change its mind within a run), and for failureTTL when the
//     failure may pass;
//   - a token that Sinch calls expired can be dropped before its time.
//
// The mutex is never held while a request is under way, so waiting honours each caller's context.
type tokenSource struct {
	config     clientcredentials.Config
	http       *http.Client
	log        LogFunc
	failureTTL time.Duration

	mu      sync.Mutex
	token   *oauth2.Token
	fetch   *tokenFetch   // the request under way, or nil
	failure *tokenFailure // the error to hand out instead of asking again, or nil
}

// tokenFetch is one request to the token endpoint; done is closed once its outcome is set.
type tokenFetch struct {
	done  chan struct{}
	token *oauth2.Token
	err   error
	// abandoned says that the context of the call that made the request ended first: its error then
	// says nothing of the endpoint.
	abandoned bool
}

type tokenFailure struct {
	err error
	// until is when the endpoint may be asked again; zero for never (the key was refused).
	until time.Time
}

func newTokenSource(cfg Config, httpClient *http.Client, log LogFunc) *tokenSource {
	return &tokenSource{
		config: clientcredentials.Config{
			ClientID:     cfg.KeyID,
			ClientSecret: cfg.KeySecret,
			TokenURL:     cfg.TokenURL,
			AuthStyle:    oauth2.AuthStyleInHeader,
		},
		http:       httpClient,
		log:        log,
		failureTTL: orDefault(cfg.TokenFailureTTL, DefaultTokenFailureTTL),
	}
}

// Token returns the current token, fetching a new one when there is none or it has expired. The
// token request is retried like any other (429 and 5xx included). Without an access key, it asks for
// nothing and returns a *NoAccessKeyError.
func (s *tokenSource) Token(ctx context.Context) (*oauth2.Token, error) {
	if s.config.ClientID == "" || s.config.ClientSecret == "" {
		return nil, &NoAccessKeyError{NoKeyID: s.config.ClientID == "", NoKeySecret: s.config.ClientSecret == ""}
	}
	for {
		s.mu.Lock()
		if s.token.Valid() {
			token := s.token
			s.mu.Unlock()
			return token, nil
		}
		if f := s.failure; f != nil && (f.until.IsZero() || time.Now().Before(f.until)) {
			s.mu.Unlock()
			return nil, f.err
		}
		fetch, leader := s.fetch, s.fetch == nil
		if leader {
			fetch = &tokenFetch{done: make(chan struct{})}
			s.fetch = fetch
		}
		s.mu.Unlock()

		if leader {
			s.request(ctx, fetch)
		} else {
			select {
			case <-fetch.done:
			case <-ctx.Done():
				return nil, ctx.Err()
			}
		}
		// When the call that made the request gave up, its error is not ours: ask again.
		if fetch.abandoned && ctx.Err() == nil {
			continue
		}
		return fetch.token, fetch.err
	}
}

// request asks the token endpoint for a token with the caller's context, and hands the outcome to
// every call that waits for it.
func (s *tokenSource) request(ctx context.Context, fetch *tokenFetch) {
	ctx, attempts := countAttempts(ctx)
	start := time.Now()
	token, err := s.config.Token(context.WithValue(ctx, oauth2.HTTPClient, s.http))
	fields := map[string]any{"token_url": s.config.TokenURL, "duration_ms": time.Since(start).Milliseconds()}
	if err != nil {
		tokenErr := newTokenError(s.config.TokenURL, s.config.ClientSecret, err, attempts())
		fields["error"] = tokenErr.Error()
		s.log(ctx, "Sinch access token request failed", fields)
		fetch.err = tokenErr
	} else {
		fields["expires_in_s"] = int(time.Until(token.Expiry).Seconds())
		s.log(ctx, "Fetched a Sinch access token", fields)
		fetch.token = token
	}
	fetch.abandoned = err != nil && ctx.Err() != nil

	s.mu.Lock()
	s.fetch = nil
	switch tokenErr := (*TokenError)(nil); {
	case fetch.err == nil:
		s.token, s.failure = fetch.token, nil
	case fetch.abandoned:
		// Says nothing of the endpoint.
	case errors.As(fetch.err, &tokenErr) && tokenErr.refused():
		s.failure = &tokenFailure{err: fetch.err}
	default:
		s.failure = &tokenFailure{err: fetch.err, until: time.Now().Add(s.failureTTL)}
	}
	s.mu.Unlock()
	close(fetch.done)
}

// Invalidate drops token if it is still the current one, so that the next call fetches a new one.
func (s *tokenSource) Invalidate(token *oauth2.Token) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.token == token {
		s.token = nil
	}
}

// NoAccessKeyError is a call that needs an access token, made by a client without an access key (its key
// ID, its key secret, or both): no request was made.
type NoAccessKeyError struct {
	NoKeyID, NoKeySecret bool
}

func (e *NoAccessKeyError) Error() string {
	missing := "key ID"
	switch {
	case e.NoKeyID && e.NoKeySecret:
		missing = "key ID and key secret"
	case e.NoKeySecret:
		missing = "key secret"
	}
	return "sinch: no access token without an access key: its " + missing + " is not set"
}

// TokenError says that no access token could be had from the token endpoint.
type TokenError struct {
	TokenURL string
	// HTTPStatus is the token endpoint's last answer, or 0 when it gave none.
	HTTPStatus int
	// Code is OAuth2's "error" field of the answer, such as "invalid_client", when it is one: printable
	// ASCII of at most 64 characters, with the access key's secret redacted.
	Code string
	// Attempts is how many times the token was asked for.
	Attempts int
	// Err is a *TransportError when the endpoint gave no answer, and a *RedirectError when it answered
	// with a redirect.
	Err error
}

// refused tells whether the endpoint refused the request for good: an answer of 4xx other than 408 and
// 429 (the access key or the request is wrong), or a redirect (token_url is wrong). Asking again in the
// same run gets the same answer.
func (e *TokenError) refused() bool {
	var redirect *RedirectError
	switch {
	case errors.As(e.Err, &redirect):
		return true
	case e.HTTPStatus == http.StatusRequestTimeout, e.HTTPStatus == http.StatusTooManyRequests:
		return false
	default:
		return e.HTTPStatus >= 400 && e.HTTPStatus < 500
	}
}

func newTokenError(tokenURL, keySecret string, err error, attempts int) *TokenError {
	e := &TokenError{TokenURL: tokenURL, Attempts: attempts}
	var retrieve *oauth2.RetrieveError
	if errors.As(err, &retrieve) {
		// RetrieveError's own message quotes the answer's body; only its status and code are kept.
		e.Code = oauthErrorCode(retrieve.ErrorCode, keySecret)
		if resp := retrieve.Response; resp != nil {
			e.HTTPStatus = resp.StatusCode
			if isRedirect(resp.StatusCode) {
				e.Err = &RedirectError{Method: http.MethodPost, URL: tokenURL, HTTPStatus: resp.StatusCode, LocationHost: locationHost(resp)}
			}
		}
		return e
	}
	e.Err = &TransportError{Method: http.MethodPost, URL: tokenURL, Attempts: attempts, Err: unwrapURLError(err)}
	return e
}

// oauthErrorCode keeps OAuth2's error code as a diagnostic may show it: the characters RFC 6749 allows
// in it, at most 64, and never the access key's secret, which a misbehaving endpoint could echo.
func oauthErrorCode(code, keySecret string) string {
	outside := func(r rune) bool { return r < 0x20 || r > 0x7e || r == '"' || r == '\\' }
	if len(code) > 64 || strings.IndexFunc(code, outside) >= 0 {
		return ""
	}
	return redact(code, keySecret)
}

func (e *TokenError) Error() string {
	var redirect *RedirectError
	if errors.As(e.Err, &redirect) {
		return "sinch: token endpoint " + strings.TrimPrefix(redirect.Error(), "sinch: ")
	}
	var msg string
	switch {
	case e.HTTPStatus != 0 && e.Code != "":
		msg = fmt.Sprintf("sinch: token endpoint %s answered HTTP %d (%s)", e.TokenURL, e.HTTPStatus, e.Code)
	case e.HTTPStatus != 0:
		msg = fmt.Sprintf("sinch: token endpoint %s answered HTTP %d", e.TokenURL, e.HTTPStatus)
	default:
		var transportErr *TransportError
		if errors.As(e.Err, &transportErr) {
			return fmt.Sprintf("sinch: no access token: %v", transportErr)
		}
		msg = fmt.Sprintf("sinch: no access token from %s: %v", e.TokenURL, e.Err)
	}
	if e.Attempts > 1 {
		msg += fmt.Sprintf(" (after %d attempts)", e.Attempts)
	}
	return msg
}

func (e *TokenError) Unwrap() error { return e.Err }
