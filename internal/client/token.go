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
// it takes the caller's context, so a cancelled Terraform run stops waiting for the token endpoint,
// and callers that arrive while a token is being fetched wait for that one instead of fetching their own.
type tokenSource struct {
	config clientcredentials.Config
	http   *http.Client
	// lock is a one-slot semaphore rather than a sync.Mutex so that waiting for it honours ctx.
	lock  chan struct{}
	token *oauth2.Token
	log   LogFunc
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
		lock: make(chan struct{}, 1),
		log:  log,
	}
}

// Token returns the current token, fetching a new one when there is none or it has expired.
func (s *tokenSource) Token(ctx context.Context) (*oauth2.Token, error) {
	select {
	case s.lock <- struct{}{}:
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	defer func() { <-s.lock }()

	if s.token.Valid() {
		return s.token, nil
	}
	start := time.Now()
	token, err := s.config.Token(context.WithValue(ctx, oauth2.HTTPClient, s.http))
	fields := map[string]any{"token_url": s.config.TokenURL, "duration_ms": time.Since(start).Milliseconds()}
	if err != nil {
		tokenErr := newTokenError(s.config.TokenURL, err)
		fields["error"] = tokenErr.Error()
		s.log(ctx, "Sinch access token request failed", fields)
		return nil, tokenErr
	}
	fields["expires_in_s"] = int(time.Until(token.Expiry).Seconds())
	s.log(ctx, "Fetched a Sinch access token", fields)
	s.token = token
	return token, nil
}

// TokenError says that no access token could be had from the token endpoint.
type TokenError struct {
	TokenURL string
	// HTTPStatus is the token endpoint's answer, or 0 when it gave none.
	HTTPStatus int
	// Code is OAuth2's "error" field of the answer, such as "invalid_client".
	Code string
	// Err is the transport error when the endpoint gave no answer.
	Err error
}

func newTokenError(tokenURL string, err error) *TokenError {
	var retrieve *oauth2.RetrieveError
	if errors.As(err, &retrieve) {
		// RetrieveError's own message quotes the answer's body; only its status and code are kept.
		e := &TokenError{TokenURL: tokenURL, Code: retrieve.ErrorCode}
		if retrieve.Response != nil {
			e.HTTPStatus = retrieve.Response.StatusCode
		}
		return e
	}
	return &TokenError{TokenURL: tokenURL, Err: err}
}

func (e *TokenError) Error() string {
	switch {
	case e.HTTPStatus != 0 && e.Code != "":
		return fmt.Sprintf("sinch: token endpoint %s answered HTTP %d (%s)", e.TokenURL, e.HTTPStatus, e.Code)
	case e.HTTPStatus != 0:
		return fmt.Sprintf("sinch: token endpoint %s answered HTTP %d", e.TokenURL, e.HTTPStatus)
	default:
		return fmt.Sprintf("sinch: no access token from %s: %v", e.TokenURL, e.Err)
	}
}

func (e *TokenError) Unwrap() error { return e.Err }
