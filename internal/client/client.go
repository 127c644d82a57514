// Package client calls Sinch's callback-configuration API: OAuth2 client credentials, JSON over HTTPS,
// retries, and typed errors. It knows nothing of Terraform.
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

// Hosts and endpoints published by Sinch.
const (
	DefaultAPIURL   = "https://senderid.registrations.api.sinch.com"
	DefaultTokenURL = "https://auth.sinch.com/oauth2/token"
)

// maxBodyBytes caps how much of an answer is read; Sinch's answers here are a few hundred bytes.
const maxBodyBytes = 1 << 20

// Config says where the API is, which access key to use, and how to retry.
type Config struct {
	APIURL    string
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
	// HTTPClient, when set, lends its Transport to every attempt.
	HTTPClient *http.Client
	// Log, when set, receives one debug entry per attempt: method, path, status, duration and
	// attempt number. Entries never hold a body, a header, a token or a secret.
	Log LogFunc
}

// LogFunc receives the client's log entries.
type LogFunc func(ctx context.Context, msg string, fields map[string]any)

// Client calls the API. It is safe for concurrent use, and all its calls share one access token
// until that token expires.
type Client struct {
	apiURL *url.URL
	http   *http.Client
	tokens *tokenSource
}

// CallbackConfiguration is the callback configuration of one project.
type CallbackConfiguration struct {
	ProjectID  string
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
	apiURL, err := url.Parse(cfg.APIURL)
	if err != nil || apiURL.Host == "" {
		return nil, fmt.Errorf("sinch: API URL %q is not an absolute URL", cfg.APIURL)
	}
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
	return &Client{
		apiURL: apiURL,
		http:   httpClient,
		tokens: newTokenSource(cfg, httpClient, log),
	}, nil
}

// CallbackConfiguration reads the callback configuration of a project (GET).
func (c *Client) CallbackConfiguration(ctx context.Context, projectID string) (*CallbackConfiguration, error) {
	return c.callbackConfiguration(ctx, http.MethodGet, projectID, nil)
}

// UpdateCallbackConfiguration sets the HMAC secret of a project's callback configuration (PUT) and
// returns the configuration as Sinch answers it.
func (c *Client) UpdateCallbackConfiguration(ctx context.Context, projectID, hmacSecret string) (*CallbackConfiguration, error) {
	body, err := json.Marshal(callbackConfigurationUpdateBody{HMACSecret: hmacSecret})
	if err != nil {
		return nil, err
	}
	cfg, err := c.callbackConfiguration(ctx, http.MethodPut, projectID, body)
	var apiErr *APIError
	if errors.As(err, &apiErr) {
		// A validation message may quote the value it refused.
		apiErr.redact(hmacSecret)
	}
	return cfg, err
}

// callbackConfigurationUpdateBody is the schema CallbackConfigurationUpdateBody.
type callbackConfigurationUpdateBody struct {
	HMACSecret string `json:"hmacSecret"`
}

func (c *Client) callbackConfiguration(ctx context.Context, method, projectID string, body []byte) (*CallbackConfiguration, error) {
	path := "/v1/projects/" + url.PathEscape(projectID) + "/callback-configuration"
	ctx, attempts := countAttempts(ctx)
	status, answer, err := c.do(ctx, method, path, body)
	if err != nil {
		return nil, withAttempts(err, attempts())
	}
	if status != http.StatusOK {
		return nil, newAPIError(method, path, status, answer, attempts())
	}
	cfg, err := decodeCallbackConfiguration(answer)
	if err != nil {
		return nil, &UnexpectedAnswerError{Method: method, Path: path, HTTPStatus: status, Attempts: attempts(), Reason: err.Error()}
	}
	if cfg.ProjectID == "" {
		cfg.ProjectID = projectID
	}
	return cfg, nil
}

// decodeCallbackConfiguration decodes a 200 answer (the schema CallbackConfigurationResponse). Keys
// must match exactly, where encoding/json alone would take "HMACSECRET" for "hmacSecret". Its error
// never quotes the answer, which holds the secret (the JSON decoder's own messages may).
func decodeCallbackConfiguration(answer []byte) (*CallbackConfiguration, error) {
	var fields map[string]json.RawMessage
	if err := json.Unmarshal(answer, &fields); err != nil {
		return nil, errors.New("it is not JSON of the documented shape")
	}
	rawSecret, ok := fields["hmacSecret"]
	if !ok || string(rawSecret) == "null" {
		return nil, errors.New("it is not a callback configuration with an hmacSecret")
	}
	// An empty secret is taken as it is: no secret set, which a plan then shows as drift.
	cfg := &CallbackConfiguration{}
	if err := json.Unmarshal(rawSecret, &cfg.HMACSecret); err != nil {
		return nil, errors.New("it is not JSON of the documented shape")
	}
	if rawProject, ok := fields["projectId"]; ok && string(rawProject) != "null" {
		if err := json.Unmarshal(rawProject, &cfg.ProjectID); err != nil {
			return nil, errors.New("it is not JSON of the documented shape")
		}
	}
	return cfg, nil
}

// do sends an authenticated request, with retries, and returns the status and body of the last
// answer. When Sinch answers that the token expired, it fetches a new token and repeats the call once.
func (c *Client) do(ctx context.Context, method, path string, body []byte) (int, []byte, error) {
	for renewed := false; ; renewed = true {
		token, err := c.tokens.Token(ctx)
		if err != nil {
			return 0, nil, err
		}
		status, header, answer, err := c.send(ctx, token, method, path, body)
		if err == nil && status == http.StatusUnauthorized && !renewed && tokenExpired(header) {
			c.tokens.Invalidate(token)
			continue
		}
		return status, answer, err
	}
}

func (c *Client) send(ctx context.Context, token *oauth2.Token, method, path string, body []byte) (int, http.Header, []byte, error) {
	endpoint := strings.TrimSuffix(c.apiURL.String(), "/") + path
	req, err := http.NewRequestWithContext(ctx, method, endpoint, bytes.NewReader(body))
	if err != nil {
		return 0, nil, nil, err
	}
	req.Header.Set("Accept", "application/json")
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	token.SetAuthHeader(req)

	resp, err := c.http.Do(req)
	if err != nil {
		return 0, nil, nil, &TransportError{Method: method, URL: endpoint, Err: unwrapURLError(err)}
	}
	defer resp.Body.Close()
	answer, err := io.ReadAll(io.LimitReader(resp.Body, maxBodyBytes))
	if err != nil {
		return 0, nil, nil, &TransportError{Method: method, URL: endpoint, Err: err}
	}
	return resp.StatusCode, resp.Header, answer, nil
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
