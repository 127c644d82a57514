package client

import (
	"context"
	"errors"
	"fmt"
	"net/http"
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
		tokenErr := newTokenError(s.config.TokenURL, err, attempts())
		fields["error"] = tokenErr.Error()
		s.log(ctx, "Sinch access token request failed", fields)
		return nil, tokenErr
	}
	fields["expires_in_s"] = int(time.Until(token.Expiry).Seconds())
	s.log(ctx, "Fetched a Sinch access token", fields)
	s.token = token
	return token, nil
}

// Invalidate drops token if it is still the current one, so that the next call fetches a new one.
func (s *tokenSource) Invalidate(token *oauth2.Token) {
	s.lock <- struct{}{}
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
	// Code is OAuth2's "error" field of the answer, such as "invalid_client".
	Code string
	// Attempts is how many times the token was asked for.
	Attempts int
	// Err is a *TransportError when the endpoint gave no answer.
	Err error
}

func newTokenError(tokenURL string, err error, attempts int) *TokenError {
	e := &TokenError{TokenURL: tokenURL, Attempts: attempts}
	var retrieve *oauth2.RetrieveError
	if errors.As(err, &retrieve) {
		// RetrieveError's own message quotes the answer's body; only its status and code are kept.
		e.Code = retrieve.ErrorCode
		if retrieve.Response != nil {
			e.HTTPStatus = retrieve.Response.StatusCode
		}
		return e
	}
	e.Err = &TransportError{Method: http.MethodPost, URL: tokenURL, Attempts: attempts, Err: unwrapURLError(err)}
	return e
}

func (e *TokenError) Error() string {
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
