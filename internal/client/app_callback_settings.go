package client

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strings"
)

// AppCallbackSettings calls the callback settings of the Conversation API's apps at one base URL (a
// region's host): the secret that signs the delivery receipts of messages sent with a callback_url of
// their own (callback_settings.secret_for_overridden_callback_urls). All the calls of a Client share its
// access token.
type AppCallbackSettings struct {
	client  *Client
	baseURL string
}

// AppCallbackSettings returns the calls at baseURL, such as https://us.conversation.api.sinch.com. It
// makes no request.
func (c *Client) AppCallbackSettings(baseURL string) (*AppCallbackSettings, error) {
	u, err := url.Parse(baseURL)
	if err != nil || !u.IsAbs() || u.Host == "" {
		return nil, fmt.Errorf("sinch: the Conversation API's URL %q is not an absolute URL", baseURL)
	}
	return &AppCallbackSettings{client: c, baseURL: strings.TrimSuffix(baseURL, "/")}, nil
}

// AppCallbackSecret is what an app's answer says of its secret: Secret is nil when the answer says
// nothing of it (whether Sinch answers it is not documented), and "" when the app has none.
type AppCallbackSecret struct {
	ProjectID, AppID string
	Secret           *string
}

func (s *AppCallbackSettings) url(projectID, appID string) string {
	return s.baseURL + "/v1/projects/" + url.PathEscape(projectID) + "/apps/" + url.PathEscape(appID)
}

// Get reads an app's callback secret, from the answer that describes the whole app.
func (s *AppCallbackSettings) Get(ctx context.Context, projectID, appID string) (*AppCallbackSecret, error) {
	resp, err := s.client.call(ctx, request{method: http.MethodGet, url: s.url(projectID, appID)})
	if err != nil {
		return nil, err
	}
	return decodeAppAnswer(resp, projectID, appID)
}

// Update sets an app's callback secret, with one PATCH whose update_mask names callback_settings
// alone: a PATCH of an app without it may overwrite the app's other fields (its channel credentials),
// so it is never sent without. It succeeds only when the answer names the secret sent, or none.
func (s *AppCallbackSettings) Update(ctx context.Context, projectID, appID, secret string) (*AppCallbackSecret, error) {
	body, err := json.Marshal(map[string]any{"callback_settings": map[string]string{"secret_for_overridden_callback_urls": secret}})
	if err != nil {
		return nil, err
	}
	endpoint := s.url(projectID, appID) + "?update_mask=callback_settings"
	resp, err := s.client.call(ctx, request{method: http.MethodPatch, url: endpoint, body: body, secrets: []string{secret}})
	if err != nil {
		return nil, err
	}
	answered, err := decodeAppAnswer(resp, projectID, appID)
	if err != nil {
		return nil, err
	}
	if answered.Secret != nil && *answered.Secret != secret {
		return nil, &MismatchError{Method: http.MethodPatch, URL: resp.url, ProjectID: projectID}
	}
	return &AppCallbackSecret{ProjectID: projectID, AppID: appID, Secret: &secret}, nil
}

// decodeAppAnswer reads an answer about an app: its id (which must be the app asked about, when it
// names one) and its callback secret. Its error never quotes the answer, which holds the secret.
func decodeAppAnswer(resp *answer, projectID, appID string) (*AppCallbackSecret, error) {
	fields := jsonObject(resp.body)
	if fields == nil {
		return nil, resp.unexpected("it is not JSON of the documented shape")
	}
	d := exactDecoder{fields: fields}
	if id := d.string("id"); id != "" && id != appID {
		// A cache or a proxy that mixes up answers.
		return nil, resp.unexpected("it is about another app")
	}
	var secret *string
	if settings := d.object("callback_settings"); settings != nil {
		c := exactDecoder{fields: settings}
		secret = c.optionalString("secret_for_overridden_callback_urls")
		d.failed = d.failed || c.failed
	}
	if d.failed {
		return nil, resp.unexpected("it is not JSON of the documented shape")
	}
	return &AppCallbackSecret{ProjectID: projectID, AppID: appID, Secret: secret}, nil
}
