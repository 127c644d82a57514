// Package client calls Sinch's APIs: the callback configurations of several APIs (see API), and the
// Conversation API's webhooks (see Webhooks). It holds what they share: OAuth2 client credentials, JSON
// over HTTPS, retries, and typed errors. It knows nothing of Terraform.
package client

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"

	"golang.org/x/oauth2"
)

// DefaultTokenURL is Sinch's OAuth2 token endpoint, the same for every API.
const DefaultTokenURL = "https://auth.sinch.com/oauth2/token"

// maxBodyBytes caps how much of an answer is read; Sinch's answers here are a few hundred bytes.
const maxBodyBytes = 1 << 20

// Config says which access key to use, where to exchange it for a token, and how to retry.
type Config struct {
	TokenURL  string
	KeyID     string
	KeySecret string
	// UserAgent is sent with every request, the token request included.
	UserAgent string
	// MaxRetries is how many times a request is repeated after a 429, a 5xx other than 501, or a
	// connection error. Zero means no retry.
	MaxRetries int
	// RequestTimeout bounds each attempt; zero means DefaultRequestTimeout.
	RequestTimeout time.Duration
	// RetryWaitMin and RetryWaitMax bound the backoff between attempts; zero means the defaults.
	RetryWaitMin, RetryWaitMax time.Duration
	// TokenFailureTTL is how long a failed token request's error is handed to later calls, when the
	// failure may pass; zero means DefaultTokenFailureTTL. A refused access key fails every later call.
	TokenFailureTTL time.Duration
	// HTTPClient, when set, lends its Transport to every attempt.
	HTTPClient *http.Client
	// Log, when set, receives one debug entry per attempt: method, path, status, duration and
	// attempt number. Entries never hold a body, a header, a token or a secret.
	Log LogFunc
}

// LogFunc receives the client's log entries.
type LogFunc func(ctx context.Context, msg string, fields map[string]any)

// Client holds what calls to every API share: the HTTP client with its retries, and the access token,
// which all calls use until it expires. It is safe for concurrent use; CallbackConfigurations makes
// the calls of one API, Webhooks those of the Conversation API's webhooks.
type Client struct {
	http   *http.Client
	tokens *tokenSource
	// retries, waitMin and waitMax are what Config says of retries, for the retries made here rather
	// than by the HTTP client (see Webhooks.Create).
	retries          int
	waitMin, waitMax time.Duration
	// made holds the IDs of the webhooks that creates of this client made or adopted, which no other
	// create may adopt (see Webhooks.Create).
	made sync.Map
}

// claim records that a create made or adopted a webhook, and tells whether no other create had.
func (c *Client) claim(webhookID string) bool {
	_, taken := c.made.LoadOrStore(webhookID, true)
	return !taken
}

// claimed tells whether a create of this client made or adopted a webhook.
func (c *Client) claimed(webhookID string) bool {
	_, taken := c.made.Load(webhookID)
	return taken
}

// New checks the configuration and returns a client. It makes no request: the token is fetched with
// the first call that needs one. The access key may be missing: the Voice API's calls are signed with an
// application's key and secret and need none, and a call that needs a token fails with a
// *NoAccessKeyError.
func New(cfg Config) (*Client, error) {
	if _, err := url.Parse(cfg.TokenURL); err != nil {
		return nil, fmt.Errorf("sinch: token URL %q is not a URL", cfg.TokenURL)
	}
	if cfg.MaxRetries < 0 {
		return nil, errors.New("sinch: the number of retries cannot be negative")
	}
	log := cfg.Log
	if log == nil {
		log = func(context.Context, string, map[string]any) {}
	}
	httpClient := newHTTPClient(cfg, log)
	return &Client{http: httpClient, tokens: newTokenSource(cfg, httpClient, log), retries: cfg.MaxRetries,
		waitMin: orDefault(cfg.RetryWaitMin, DefaultRetryWaitMin), waitMax: orDefault(cfg.RetryWaitMax, DefaultRetryWaitMax)}, nil
}

// request is one call of an API.
type request struct {
	method, url string
	body        []byte
	// secrets are redacted from an error answer, beside the credentials (see do).
	secrets []string
	// once marks a request that must not be sent twice, such as a create: it is repeated only when it
	// surely did not reach the API (see retryPolicy).
	once bool
	// signer, when set, authenticates the request in place of the access token: the Voice API's signed
	// request, with an application's key and secret (see VoiceApplications).
	signer *applicationSigner
}

// call makes a call and returns its 2xx answer (200; a delete's 204); any other answer is an error: a
// *RedirectError, or a redacted *APIError.
func (c *Client) call(ctx context.Context, r request) (*answer, error) {
	resp, err := c.do(ctx, r)
	switch {
	case err != nil:
		return nil, err
	case isRedirect(resp.status):
		return nil, &RedirectError{Method: r.method, URL: r.url, HTTPStatus: resp.status, LocationHost: resp.locationHost}
	case resp.apiError != nil:
		return nil, resp.apiError
	}
	return resp, nil
}

func isSuccess(status int) bool { return status >= 200 && status < 300 }

// answer is what the API answered to one request.
type answer struct {
	method, url string
	status      int
	body        []byte
	// locationHost is the host a redirect names, for the error that refuses to follow it.
	locationHost string
	// apiError is the answer as an error, for an answer other than 2xx or a redirect: what Sinch's error
	// body says, redacted.
	apiError *APIError
	// attempts is how many times the request was sent.
	attempts int
}

// do sends an authenticated request, with retries, and returns the last answer. When Sinch answers
// that the token expired, it fetches a new token and repeats the call once. An error answer is redacted
// of the access token it carried, of the access key's secret and of the given secrets: whatever quotes
// them (Sinch, or a proxy that echoes the request) is shown in diagnostics, which Terraform logs.
func (c *Client) do(ctx context.Context, r request) (*answer, error) {
	ctx, attempts := countAttempts(ctx)
	if r.once {
		ctx = context.WithValue(ctx, onceKey{}, true)
	}
	for renewed := false; ; renewed = true {
		token := &oauth2.Token{}
		if r.signer == nil {
			var err error
			if token, err = c.tokens.Token(ctx); err != nil {
				return nil, err
			}
		}
		resp, expired, err := c.send(ctx, token, r)
		switch {
		case err != nil:
			return nil, withAttempts(err, attempts())
		case expired && !renewed:
			c.tokens.Invalidate(token)
			continue
		}
		resp.method, resp.url, resp.attempts = r.method, r.url, attempts()
		if !isSuccess(resp.status) && !isRedirect(resp.status) {
			resp.apiError = newAPIError(r.method, r.url, resp.status, resp.body, resp.attempts)
			resp.apiError.redact(append(r.secrets, token.AccessToken, c.tokens.config.ClientSecret, r.signer.secret())...)
		}
		return resp, nil
	}
}

// unexpected is the error of a 2xx answer that is not what the API documents; reason never quotes it.
func (a *answer) unexpected(reason string) error {
	return &UnexpectedAnswerError{Method: a.method, URL: a.url, HTTPStatus: a.status, Attempts: a.attempts, Reason: reason}
}

// send makes one request (retried by the HTTP client), and tells whether its answer says that the
// token expired.
func (c *Client) send(ctx context.Context, token *oauth2.Token, r request) (*answer, bool, error) {
	method, endpoint, body := r.method, r.url, r.body
	req, err := http.NewRequestWithContext(ctx, method, endpoint, bytes.NewReader(body))
	if err != nil {
		return nil, false, err
	}
	req.Header.Set("Accept", "application/json")
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	if r.signer != nil {
		r.signer.sign(req, body, time.Now())
	} else {
		token.SetAuthHeader(req)
	}

	resp, err := c.http.Do(req)
	if err != nil {
		return nil, false, &TransportError{Method: method, URL: endpoint, Err: unwrapURLError(err)}
	}
	defer resp.Body.Close()
	body, err = io.ReadAll(io.LimitReader(resp.Body, maxBodyBytes))
	if err != nil {
		return nil, false, &TransportError{Method: method, URL: endpoint, Err: err}
	}
	expired := resp.StatusCode == http.StatusUnauthorized && tokenExpired(resp.Header)
	return &answer{status: resp.StatusCode, body: body, locationHost: locationHost(resp)}, expired, nil
}

// tokenExpired tells whether a 401's WWW-Authenticate header says that the token expired, as Sinch's
// does, rather than that it is not valid at all.
func tokenExpired(header http.Header) bool {
	for _, challenge := range header.Values("WWW-Authenticate") {
		if strings.Contains(strings.ToLower(challenge), "expired") {
			return true
		}
	}
	return false
}
