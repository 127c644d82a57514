// Package client calls the callback configurations of Sinch's APIs (see API): OAuth2 client
// credentials, JSON over HTTPS, retries, and typed errors. It knows nothing of Terraform.
package client

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
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
// the calls of one API.
type Client struct {
	http   *http.Client
	tokens *tokenSource
}

// CallbackConfiguration is the callback configuration of one project.
type CallbackConfiguration struct {
	ProjectID string
	// HMACSecret is empty when the project has no secret set: the API marks no field required, and
	// an answer without hmacSecret, with null or with "" says so.
	HMACSecret string
}

// String leaves the secret out, so that a stray %v cannot leak it.
func (c CallbackConfiguration) String() string {
	return fmt.Sprintf("CallbackConfiguration{ProjectID: %q, HMACSecret: (redacted)}", c.ProjectID)
}

// GoString leaves the secret out, so that a stray %#v cannot leak it.
func (c CallbackConfiguration) GoString() string { return c.String() }

// New checks the configuration and returns a client. It makes no request: the token is fetched with
// the first call.
func New(cfg Config) (*Client, error) {
	if _, err := url.Parse(cfg.TokenURL); err != nil {
		return nil, fmt.Errorf("sinch: token URL %q is not a URL", cfg.TokenURL)
	}
	if cfg.KeyID == "" || cfg.KeySecret == "" {
		return nil, errors.New("sinch: an access key ID and key secret are both required")
	}
	if cfg.MaxRetries < 0 {
		return nil, errors.New("sinch: the number of retries cannot be negative")
	}
	log := cfg.Log
	if log == nil {
		log = func(context.Context, string, map[string]any) {}
	}
	httpClient := newHTTPClient(cfg, log)
	return &Client{http: httpClient, tokens: newTokenSource(cfg, httpClient, log)}, nil
}

// Get reads the callback configuration of a project.
func (s *CallbackConfigurations) Get(ctx context.Context, projectID string) (*CallbackConfiguration, error) {
	answer, err := s.call(ctx, http.MethodGet, projectID, nil)
	if err != nil {
		return nil, err
	}
	cfg := &CallbackConfiguration{ProjectID: projectID}
	if answer.secret != nil {
		cfg.HMACSecret = *answer.secret
	}
	return cfg, nil
}

// Update sets the HMAC secret of a project's callback configuration, with the API's UpdateMethod. It
// succeeds only when Sinch's answer confirms the secret sent: an answer that names another secret is a
// *MismatchError; one that names none (no hmacSecret, or null) confirms nothing else and counts as done.
func (s *CallbackConfigurations) Update(ctx context.Context, projectID, hmacSecret string) (*CallbackConfiguration, error) {
	body, err := json.Marshal(callbackConfigurationUpdateBody{HMACSecret: hmacSecret})
	if err != nil {
		return nil, err
	}
	// A validation message may quote the value it refused.
	answer, err := s.call(ctx, s.api.UpdateMethod, projectID, body, hmacSecret)
	if err != nil {
		return nil, err
	}
	if answer.secret != nil && *answer.secret != hmacSecret {
		return nil, &MismatchError{Method: s.api.UpdateMethod, URL: answer.url, ProjectID: projectID}
	}
	return &CallbackConfiguration{ProjectID: projectID, HMACSecret: hmacSecret}, nil
}

// callbackConfigurationUpdateBody is the schema CallbackConfigurationUpdateBody.
type callbackConfigurationUpdateBody struct {
	HMACSecret string `json:"hmacSecret"`
}

// callbackConfigurationAnswer is a 200 answer (the schema CallbackConfigurationResponse) and where it
// came from. secret is nil when the answer names none: no hmacSecret, or null.
type callbackConfigurationAnswer struct {
	url    string
	secret *string
}

// call makes one call of the API; an error answer is redacted of the given secrets as well as of the
// credentials (see Client.do).
func (s *CallbackConfigurations) call(ctx context.Context, method, projectID string, body []byte, secrets ...string) (*callbackConfigurationAnswer, error) {
	endpoint := s.url(projectID)
	resp, err := s.client.do(ctx, method, endpoint, body, secrets...)
	switch {
	case err != nil:
		return nil, err
	case isRedirect(resp.status):
		return nil, &RedirectError{Method: method, URL: endpoint, HTTPStatus: resp.status, LocationHost: resp.locationHost}
	case resp.apiError != nil:
		return nil, resp.apiError
	}
	unexpected := func(reason string) error {
		return &UnexpectedAnswerError{Method: method, URL: endpoint, HTTPStatus: resp.status, Attempts: resp.attempts, Reason: reason}
	}
	answeredProject, secret, err := decodeCallbackConfiguration(resp.body)
	switch {
	case err != nil:
		return nil, unexpected(err.Error())
	case answeredProject != "" && !strings.EqualFold(answeredProject, projectID):
		// A cache or a proxy that mixes up answers; not quoted, as it is not ours to show.
		return nil, unexpected("it is the callback configuration of another project")
	}
	return &callbackConfigurationAnswer{url: endpoint, secret: secret}, nil
}

// decodeCallbackConfiguration decodes a 200 answer (the schema CallbackConfigurationResponse): a JSON
// object whose projectId and hmacSecret are strings, null or absent (the spec marks neither required).
// Keys must match exactly, where encoding/json alone would take "HMACSECRET" for "hmacSecret". Its error
// never quotes the answer, which holds the secret (the JSON decoder's own messages may).
func decodeCallbackConfiguration(answer []byte) (projectID string, secret *string, err error) {
	errShape := errors.New("it is not JSON of the documented shape")
	var fields map[string]json.RawMessage
	if json.Unmarshal(answer, &fields) != nil || fields == nil {
		return "", nil, errShape
	}
	optionalString := func(key string) (*string, bool) {
		raw, ok := fields[key]
		if !ok || string(raw) == "null" {
			return nil, true
		}
		var s string
		return &s, json.Unmarshal(raw, &s) == nil
	}
	project, ok := optionalString("projectId")
	if !ok {
		return "", nil, errShape
	}
	if secret, ok = optionalString("hmacSecret"); !ok {
		return "", nil, errShape
	}
	if project != nil {
		projectID = *project
	}
	return projectID, secret, nil
}

// answer is what the API answered to one request.
type answer struct {
	status int
	body   []byte
	// locationHost is the host a redirect names, for the error that refuses to follow it.
	locationHost string
	// apiError is the answer as an error, for an answer other than 200 or a redirect: what Sinch's error
	// body says, redacted.
	apiError *APIError
	// attempts is how many times the request was sent.
	attempts int
}

// do sends an authenticated request, with retries, and returns the last answer. When Sinch answers
// that the token expired, it fetches a new token and repeats the call once. An error answer is redacted
// of the access token it carried, of the access key's secret and of the given secrets: whatever quotes
// them (Sinch, or a proxy that echoes the request) is shown in diagnostics, which Terraform logs.
func (c *Client) do(ctx context.Context, method, endpoint string, body []byte, secrets ...string) (*answer, error) {
	ctx, attempts := countAttempts(ctx)
	for renewed := false; ; renewed = true {
		token, err := c.tokens.Token(ctx)
		if err != nil {
			return nil, err
		}
		resp, expired, err := c.send(ctx, token, method, endpoint, body)
		switch {
		case err != nil:
			return nil, withAttempts(err, attempts())
		case expired && !renewed:
			c.tokens.Invalidate(token)
			continue
		}
		resp.attempts = attempts()
		if resp.status != http.StatusOK && !isRedirect(resp.status) {
			resp.apiError = newAPIError(method, endpoint, resp.status, resp.body, resp.attempts)
			resp.apiError.redact(append(secrets, token.AccessToken, c.tokens.config.ClientSecret)...)
		}
		return resp, nil
	}
}

// send makes one request (retried by the HTTP client), and tells whether its answer says that the
// token expired.
func (c *Client) send(ctx context.Context, token *oauth2.Token, method, endpoint string, body []byte) (*answer, bool, error) {
	req, err := http.NewRequestWithContext(ctx, method, endpoint, bytes.NewReader(body))
	if err != nil {
		return nil, false, err
	}
	req.Header.Set("Accept", "application/json")
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	token.SetAuthHeader(req)

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
