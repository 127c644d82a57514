// Package client calls Sinch's callback-configuration API: OAuth2 client credentials, JSON over HTTPS,
// and typed errors. It knows nothing of Terraform.
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
)

// Hosts and endpoints published by Sinch.
const (
	DefaultAPIURL   = "https://senderid.registrations.api.sinch.com"
	DefaultTokenURL = "https://auth.sinch.com/oauth2/token"
)

// maxBodyBytes caps how much of an answer is read; Sinch's answers here are a few hundred bytes.
const maxBodyBytes = 1 << 20

// Config says where the API is and which access key to use.
type Config struct {
	APIURL    string
	TokenURL  string
	KeyID     string
	KeySecret string
	// UserAgent is sent with every request, the token request included.
	UserAgent string
	// HTTPClient carries every request; nil means a client with pooled connections and a 60 s timeout.
	HTTPClient *http.Client
	// Log, when set, receives one debug entry per HTTP exchange: method, path, status, duration and
	// attempt. Entries never hold a body, a header, a token or a secret.
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
	log    LogFunc
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
	log := cfg.Log
	if log == nil {
		log = func(context.Context, string, map[string]any) {}
	}
	httpClient := newHTTPClient(cfg.HTTPClient, cfg.UserAgent)
	return &Client{
		apiURL: apiURL,
		http:   httpClient,
		tokens: newTokenSource(cfg, httpClient, log),
		log:    log,
	}, nil
}

// newHTTPClient returns a copy of base (or of a default) that sends the User-Agent with every request,
// token requests included. The default keeps enough idle connections per host for Terraform's
// parallelism of 10, where net/http's default of 2 would open a new connection for most requests.
func newHTTPClient(base *http.Client, userAgent string) *http.Client {
	var c http.Client
	if base != nil {
		c = *base
	} else {
		transport := http.DefaultTransport.(*http.Transport).Clone()
		transport.MaxIdleConnsPerHost = 32
		c = http.Client{Transport: transport, Timeout: 60 * time.Second}
	}
	if c.Transport == nil {
		c.Transport = http.DefaultTransport
	}
	if userAgent != "" {
		c.Transport = userAgentTransport{base: c.Transport, userAgent: userAgent}
	}
	return &c
}

type userAgentTransport struct {
	base      http.RoundTripper
	userAgent string
}

func (t userAgentTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	req = req.Clone(req.Context())
	req.Header.Set("User-Agent", t.userAgent)
	return t.base.RoundTrip(req)
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

// callbackConfigurationResponse is the schema CallbackConfigurationResponse; pointers tell a missing
// field from an empty one.
type callbackConfigurationResponse struct {
	HMACSecret *string `json:"hmacSecret"`
	ProjectID  *string `json:"projectId"`
}

func (c *Client) callbackConfiguration(ctx context.Context, method, projectID string, body []byte) (*CallbackConfiguration, error) {
	path := "/v1/projects/" + url.PathEscape(projectID) + "/callback-configuration"
	status, answer, err := c.do(ctx, method, path, body)
	if err != nil {
		return nil, err
	}
	if status != http.StatusOK {
		return nil, newAPIError(method, path, status, answer)
	}
	var decoded callbackConfigurationResponse
	if err := json.Unmarshal(answer, &decoded); err != nil || decoded.HMACSecret == nil {
		// The answer holds the secret: neither it nor the decoder's message (which quotes it) goes
		// into the error.
		return nil, &UnexpectedAnswerError{Method: method, Path: path, HTTPStatus: status,
			Reason: "it is not a callback configuration with an hmacSecret"}
	}
	cfg := &CallbackConfiguration{ProjectID: projectID, HMACSecret: *decoded.HMACSecret}
	if decoded.ProjectID != nil && *decoded.ProjectID != "" {
		cfg.ProjectID = *decoded.ProjectID
	}
	return cfg, nil
}

// do sends one authenticated request and returns the status and body of the answer.
func (c *Client) do(ctx context.Context, method, path string, body []byte) (int, []byte, error) {
	token, err := c.tokens.Token(ctx)
	if err != nil {
		return 0, nil, err
	}
	endpoint := strings.TrimSuffix(c.apiURL.String(), "/") + path
	req, err := http.NewRequestWithContext(ctx, method, endpoint, bytes.NewReader(body))
	if err != nil {
		return 0, nil, err
	}
	req.Header.Set("Accept", "application/json")
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	token.SetAuthHeader(req)

	start := time.Now()
	resp, err := c.http.Do(req)
	fields := map[string]any{"method": method, "path": path, "attempt": 1, "duration_ms": time.Since(start).Milliseconds()}
	if err != nil {
		fields["error"] = err.Error()
		c.log(ctx, "Sinch API call failed", fields)
		return 0, nil, fmt.Errorf("sinch: %s %s: %w", method, path, err)
	}
	defer resp.Body.Close()
	fields["status"] = resp.StatusCode
	c.log(ctx, "Sinch API call", fields)
	answer, err := io.ReadAll(io.LimitReader(resp.Body, maxBodyBytes))
	if err != nil {
		return 0, nil, fmt.Errorf("sinch: %s %s: reading the answer (HTTP %d): %w", method, path, resp.StatusCode, err)
	}
	return resp.StatusCode, answer, nil
}
