package client

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"time"

	"golang.org/x/oauth2"
	"golang.org/x/oauth2/clientcredentials"
)

// tokenSource hands out one client-credentials token until it expires. Unlike oauth2.ReuseTokenSource
// it takes the caller's context, so a cancelled Terraform run stops waiting for the token endpoint;
// callers that arrive while a token is being fetched wait for that one instead of fetching their own;
// and a token that Sinch calls expired can be dropped before its time.
type tokenSource struct {
	config clientcredentials.Config
	http   *http.Client
	log    LogFunc
	// lock is a one-slot semaphore rather than a sync.Mutex so that waiting for it honours ctx.
	lock  chan struct{}
	token *oauth2.Token
}

func newTokenSource(cfg Config, httpClient *http.Client, log LogFunc) *tokenSource {
	return &tokenSource{
		config: clientcredentials.Config{
			ClientID:     cfg.KeyID,
			ClientSecret: cfg.KeySecret,
			TokenURL:     cfg.TokenURL,
			AuthStyle:    oauth2.AuthStyleInHeader,
		},
		http: httpClient,
		log:  log,
		lock: make(chan struct{}, 1),
	}
}

func (s *tokenSource) acquire(ctx context.Context) error {
	select {
	case s.lock <- struct{}{}:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

func (s *tokenSource) release() { <-s.lock }

// Token returns the current token, fetching a new one when there is none or it has expired. The
// token request is retried like any other (429 and 5xx included).
func (s *tokenSource) Token(ctx context.Context) (*oauth2.Token, error) {
	if err := s.acquire(ctx); err != nil {
		return nil, err
	}
	defer s.release()
	if s.token.Valid() {
		return s.token, nil
	}

	ctx, attempts := countAttempts(ctx)
	start := time.Now()
	token, err := s.config.Token(context.WithValue(ctx, oauth2.HTTPClient, s.http))
	fields := map[string]any{"token_url": s.config.TokenURL, "duration_ms": time.Since(start).Milliseconds()}
	if err != nil {
		tokenErr := newTokenError(s.config.TokenURL, s.config.ClientSecret, err, attempts())
		fields["error"] = tokenErr.Error()
		s.log(ctx, "Sinch access token request failed", fields)
		return nil, tokenErr
	}
	fields["expires_in_s"] = int(time.Until(token.Expiry).Seconds())
	s.log(ctx, "Fetched a Sinch access token", fields)
	s.token = token
	return token, nil
}

// Invalidate drops token if it is still the current one, so that the next call fetches a new one. When
// ctx ends first it gives up: the caller's next Token then fails with ctx's error.
func (s *tokenSource) Invalidate(ctx context.Context, token *oauth2.Token) {
	if s.acquire(ctx) != nil {
		return
	}
	defer s.release()
	if s.token == token {
		s.token = nil
	}
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
