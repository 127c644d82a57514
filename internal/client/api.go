package client

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
)

// API is one of Sinch's APIs with a callback configuration of one shape: GET answers
// {"projectId", "hmacSecret"}, the update takes {"hmacSecret"} and answers like GET, and errors are
// Sinch's RestError. What differs from one API to the next is here.
type API struct {
	// Name is the API's name in Sinch's documentation.
	Name string
	// DefaultURL is the base URL of its production host.
	DefaultURL string
	// Path is a project's callback configuration below the base URL, with {projectId} for the project.
	Path string
	// UpdateMethod is the method that sets the secret.
	UpdateMethod string
}

// The APIs with a callback configuration, as Sinch documents them (see the provider's docs for the
// sources).
var (
	SenderIDRegistrations = API{
		Name:         "Sender ID Registrations",
		DefaultURL:   "https://senderid.registrations.api.sinch.com",
		Path:         "/v1/projects/{projectId}/callback-configuration",
		UpdateMethod: http.MethodPut,
	}
	Brands = API{
		Name:         "Brands",
		DefaultURL:   "https://brand.registrations.api.sinch.com",
		Path:         "/v1/projects/{projectId}/callback-configuration",
		UpdateMethod: http.MethodPut,
	}
	Numbers = API{
		Name:         "Numbers",
		DefaultURL:   "https://numbers.api.sinch.com",
		Path:         "/v1/projects/{projectId}/callbackConfiguration",
		UpdateMethod: http.MethodPatch,
	}
)

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
