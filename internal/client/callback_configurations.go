package client

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"

	"github.com/terraform-sinch/terraform-provider-sinch/internal/sinchapi"
)

// API is one of Sinch's APIs with a callback configuration of one shape: GET answers
// {"projectId", "hmacSecret"}, the update takes {"hmacSecret"} and answers like GET, and errors are
// Sinch's RestError. The table of them is sinchapi.CallbackAPIs; the client uses the name, the default
// URL, the path and the update method of each.
type API = sinchapi.CallbackAPI

// CallbackConfigurations calls the callback configurations of one API at one base URL. All the
// CallbackConfigurations of a Client share its access token.
type CallbackConfigurations struct {
	client  *Client
	api     API
	baseURL string
}

// CallbackConfigurations returns the calls of api at baseURL, or at the API's DefaultURL when baseURL
// is empty. It makes no request.
func (c *Client) CallbackConfigurations(api API, baseURL string) (*CallbackConfigurations, error) {
	if baseURL == "" {
		baseURL = api.DefaultURL
	}
	u, err := url.Parse(baseURL)
	if err != nil || !u.IsAbs() || u.Host == "" {
		return nil, fmt.Errorf("sinch: the %s API's URL %q is not an absolute URL", api.Name, baseURL)
	}
	return &CallbackConfigurations{client: c, api: api, baseURL: strings.TrimSuffix(baseURL, "/")}, nil
}

// url is a project's callback configuration.
func (s *CallbackConfigurations) url(projectID string) string {
	return s.baseURL + strings.ReplaceAll(s.api.Path, "{projectId}", url.PathEscape(projectID))
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
	resp, err := s.client.call(ctx, request{method: method, url: endpoint, body: body, secrets: secrets})
	if err != nil {
		return nil, err
	}
	answeredProject, secret, err := decodeCallbackConfiguration(resp.body)
	switch {
	case err != nil:
		return nil, resp.unexpected(err.Error())
	case answeredProject != "" && !strings.EqualFold(answeredProject, projectID):
		// A cache or a proxy that mixes up answers; not quoted, as it is not ours to show.
		return nil, resp.unexpected("it is the callback configuration of another project")
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
