package client

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strings"

	"github.com/terraform-sinch/terraform-provider-sinch/internal/sinchapi"
)

// Webhook is a webhook of one of the APIs of WebhookAPI: where Sinch sends the callbacks, which ones,
// and how they are signed. The fields an API does not have (the Provisioning API's webhooks have no app,
// target type or client credentials) are empty.
type Webhook struct {
	// ID is assigned by Sinch.
	ID    string
	AppID string
	// Target is the URL the callbacks go to.
	Target string
	// TargetType is HTTP (the API's default, also meant by "") or DISMISS (the events are dropped).
	TargetType string
	Triggers   []string
	// Secret signs the callbacks. In an answer it is nil when the answer says nothing of it (the
	// Provisioning API never answers it; whether the Conversation API does is not documented); in a
	// request, nil leaves it out and "" clears it.
	Secret            *string
	ClientCredentials *ClientCredentials
}

// ClientCredentials are the OAuth2 client credentials with which Sinch fetches a token for the target.
type ClientCredentials struct {
	ClientID string
	// ClientSecret is nil in an answer that says nothing of it.
	ClientSecret     *string
	Endpoint         string
	Scope            string
	ResponseType     string
	TokenRequestType string
}

// String leaves the secrets out, so that a stray %v cannot leak them.
func (w Webhook) String() string {
	return fmt.Sprintf("Webhook{ID: %q, AppID: %q, Target: %q, TargetType: %q, Triggers: %q, Secret: (redacted), ClientCredentials: %v}",
		w.ID, w.AppID, w.Target, w.TargetType, w.Triggers, w.ClientCredentials)
}

// GoString leaves the secrets out, so that a stray %#v cannot leak them.
func (w Webhook) GoString() string { return w.String() }

// String leaves the client secret out.
func (c ClientCredentials) String() string {
	return fmt.Sprintf("ClientCredentials{ClientID: %q, ClientSecret: (redacted), Endpoint: %q, Scope: %q, ResponseType: %q, TokenRequestType: %q}",
		c.ClientID, c.Endpoint, c.Scope, c.ResponseType, c.TokenRequestType)
}

// GoString leaves the client secret out.
func (c ClientCredentials) GoString() string { return c.String() }

// Secrets are the secrets a webhook carries: to redact from error answers, or to mask in logs.
func (w Webhook) Secrets() []string {
	var secrets []string
	if w.Secret != nil {
		secrets = append(secrets, *w.Secret)
	}
	if c := w.ClientCredentials; c != nil && c.ClientSecret != nil {
		secrets = append(secrets, *c.ClientSecret)
	}
	return secrets
}

// WebhookAPI is one of Sinch's APIs with webhooks: the table of them is sinchapi.WebhookAPIs, and the
// client follows what each value says of its scope, updates, pages and answers.
type WebhookAPI = sinchapi.WebhookAPI

// Webhooks calls the webhooks of one API at one base URL (the Conversation API's of one region). All
// the calls of a Client share its access token.
type Webhooks struct {
	client  *Client
	api     WebhookAPI
	baseURL string
}

// Webhooks returns the calls of the Conversation API's webhooks at baseURL, such as
// https://us.conversation.api.sinch.com. It makes no request.
func (c *Client) Webhooks(baseURL string) (*Webhooks, error) {
	return c.WebhooksOf(sinchapi.Conversation, baseURL)
}

// WebhooksOf returns the calls of an API's webhooks at baseURL, or at the API's DefaultURL when baseURL
// is empty. It makes no request.
func (c *Client) WebhooksOf(api WebhookAPI, baseURL string) (*Webhooks, error) {
	if baseURL == "" {
		baseURL = api.DefaultURL
	}
	u, err := url.Parse(baseURL)
	if err != nil || !u.IsAbs() || u.Host == "" {
		return nil, fmt.Errorf("sinch: the %s API's URL %q is not an absolute URL", api.Name, baseURL)
	}
	return &Webhooks{client: c, api: api, baseURL: strings.TrimSuffix(baseURL, "/")}, nil
}

// API is the API the calls are of.
func (w *Webhooks) API() WebhookAPI { return w.api }

func (w *Webhooks) url(projectID string, elements ...string) string {
	path := "/v1/projects/" + url.PathEscape(projectID)
	for _, e := range elements {
		path += "/" + url.PathEscape(e)
	}
	return w.baseURL + path
}

// listURL is where the webhooks of a scope are listed: an app's, or the project's.
func (w *Webhooks) listURL(projectID, appID string) string {
	if w.api.ScopedByApp {
		return w.url(projectID, "apps", appID, "webhooks")
	}
	return w.url(projectID, "webhooks")
}

// Get reads a webhook. Sinch's 404 for it counts only once the list of its scope (its app, or its
// project) confirms it, as a 404 comes from another host too (another region's, where the app does not
// live): then the error is Sinch's *APIError (IsNotFound), and otherwise a *NotFoundUnconfirmedError.
// appID is the webhook's app, for an API whose webhooks belong to apps; empty when it is not known (an
// import), and a 404 then cannot be confirmed.
func (w *Webhooks) Get(ctx context.Context, projectID, appID, webhookID string) (*Webhook, error) {
	resp, err := w.client.call(ctx, request{method: http.MethodGet, url: w.url(projectID, "webhooks", webhookID)})
	if err != nil {
		return nil, w.confirmNotFound(ctx, projectID, appID, webhookID, err)
	}
	return decodeWebhookAnswer(resp, webhookID)
}

// confirmNotFound returns err, unless it is Sinch's 404 for a webhook that the list of its scope does
// not confirm: then a *NotFoundUnconfirmedError.
func (w *Webhooks) confirmNotFound(ctx context.Context, projectID, appID, webhookID string, err error) error {
	var notFound *APIError
	if !IsNotFound(err) || !errors.As(err, &notFound) {
		return err
	}
	unconfirmed := &NotFoundUnconfirmedError{NotFound: notFound, AppID: appID, Scope: w.scopeOf(projectID, appID)}
	if w.api.ScopedByApp && appID == "" {
		return unconfirmed
	}
	hooks, listErr := w.List(ctx, projectID, appID)
	if listErr != nil {
		unconfirmed.ListErr = listErr
		return unconfirmed
	}
	for _, h := range hooks {
		if h.ID == webhookID {
			unconfirmed.Listed = true
			return unconfirmed
		}
	}
	return err
}

// scopeOf names the scope of a webhook for messages: `app "a"`, or `project "p"`.
func (w *Webhooks) scopeOf(projectID, appID string) string {
	if w.api.ScopedByApp {
		return fmt.Sprintf("app %q", appID)
	}
	return fmt.Sprintf("project %q", projectID)
}

// List reads the webhooks of a scope: an app's (the Conversation API answers them at once: an app has at
// most 5), or a project's, page after page to the end.
func (w *Webhooks) List(ctx context.Context, projectID, appID string) ([]Webhook, error) {
	var hooks []Webhook
	err := w.Pages(ctx, projectID, appID, func(page []Webhook) bool {
		hooks = append(hooks, page...)
		return true
	})
	if err != nil {
		return nil, err
	}
	return hooks, nil
}

// Pages reads the webhooks of a scope as List does, and gives each page to yield as it comes; it asks
// for no more pages once yield returns false.
func (w *Webhooks) Pages(ctx context.Context, projectID, appID string, yield func([]Webhook) bool) error {
	for token, pages := "", 0; ; pages++ {
		endpoint := w.listURL(projectID, appID)
		if w.api.PageSize > 0 {
			query := url.Values{"pageSize": {fmt.Sprint(w.api.PageSize)}}
			if token != "" {
				query.Set("pageToken", token)
			}
			endpoint += "?" + query.Encode()
		}
		resp, err := w.client.call(ctx, request{method: http.MethodGet, url: endpoint})
		if err != nil {
			return err
		}
		page, next, err := decodeWebhookList(resp)
		if err != nil {
			return err
		}
		switch {
		case !yield(page), w.api.PageSize == 0 || next == "":
			return nil
		case next == token || pages >= maxPages:
			// A list that does not end: an answer that gives the same token again, or a loop.
			return resp.unexpected("its pages do not end")
		}
		token = next
	}
}

// maxPages bounds the pages of one list: a project has at most 15 webhooks, so a list of more pages
// than a project could fill many times over is an answer that does not end.
const maxPages = 100

// decodeWebhookList decodes one answer of a list: its webhooks, and the token of the next page.
func decodeWebhookList(resp *answer) (hooks []Webhook, next string, err error) {
	fields := jsonObject(resp.body)
	raw, ok := fields["webhooks"]
	if fields == nil || ok && string(raw) != "null" && jsonArray(raw) == nil {
		return nil, "", resp.unexpected("it is not JSON of the documented shape")
	}
	for _, entry := range jsonArray(raw) {
		hook, err := decodeWebhook(entry)
		if err != nil || hook.ID == "" {
			return nil, "", resp.unexpected("a webhook of the list is not JSON of the documented shape")
		}
		hooks = append(hooks, *hook)
	}
	return hooks, jsonString(fields["nextPageToken"]), nil
}

// Update changes the fields of a webhook that mask names (API field names: target, target_type,
// triggers, secret, client_credentials), with one PATCH; the others keep their values at Sinch. With an
// update mask (the Conversation API), the mask names them and the target is always sent, as Sinch
// requires it; without (the Provisioning API), the body holds them alone. It succeeds only when the
// answer confirms the secrets sent (see Create).
func (w *Webhooks) Update(ctx context.Context, projectID string, hook Webhook, mask []string) (*Webhook, error) {
	body := hook.fields(mask)
	endpoint := w.url(projectID, "webhooks", hook.ID)
	if w.api.UpdateMask {
		body["target"] = hook.Target
		endpoint += "?update_mask=" + url.QueryEscape(strings.Join(mask, ","))
	}
	raw, err := json.Marshal(body)
	if err != nil {
		return nil, err
	}
	resp, err := w.client.call(ctx, request{method: http.MethodPatch, url: endpoint, body: raw, secrets: hook.Secrets()})
	if err != nil {
		return nil, err
	}
	answered, err := decodeWebhookAnswer(resp, hook.ID)
	if err != nil {
		return nil, err
	}
	return answered, confirmSecrets(resp, &hook, answered, mask)
}

// Delete deletes a webhook. A webhook that is gone already counts as deleted once the list of its
// scope confirms Sinch's 404, as Get says; an unconfirmed 404 is a *NotFoundUnconfirmedError.
func (w *Webhooks) Delete(ctx context.Context, projectID, appID, webhookID string) error {
	_, err := w.client.call(ctx, request{method: http.MethodDelete, url: w.url(projectID, "webhooks", webhookID)})
	if err = w.confirmNotFound(ctx, projectID, appID, webhookID, err); IsNotFound(err) {
		return nil
	}
	return err
}

// fields is the JSON body that sets the named fields of hook; a field named but unset (a nil secret,
// no client credentials) is left out, which clears it at Sinch.
func (w Webhook) fields(names []string) map[string]any {
	body := map[string]any{}
	for _, name := range names {
		switch name {
		case "app_id":
			body[name] = w.AppID
		case "target":
			body[name] = w.Target
		case "target_type":
			if w.TargetType != "" {
				body[name] = w.TargetType
			}
		case "triggers":
			body[name] = w.Triggers
		case "secret":
			if w.Secret != nil {
				body[name] = *w.Secret
			}
		case "client_credentials":
			if c := w.ClientCredentials; c != nil {
				credentials := map[string]string{"client_id": c.ClientID, "endpoint": c.Endpoint}
				if c.ClientSecret != nil {
					credentials["client_secret"] = *c.ClientSecret
				}
				for key, value := range map[string]string{"scope": c.Scope, "response_type": c.ResponseType, "token_request_type": c.TokenRequestType} {
					if value != "" {
						credentials[key] = value
					}
				}
				body[name] = credentials
			}
		}
	}
	return body
}

// confirmSecrets fails with a *MismatchError when the answer to a write names a secret other than the
// one sent: Sinch (or something on the way) did not store it. An answer that names none confirms it.
func confirmSecrets(resp *answer, sent, answered *Webhook, mask []string) error {
	mismatch := func(sent, answered *string) bool { return sent != nil && answered != nil && *sent != *answered }
	var sentClient, answeredClient *string
	if sent.ClientCredentials != nil && answered.ClientCredentials != nil {
		sentClient, answeredClient = sent.ClientCredentials.ClientSecret, answered.ClientCredentials.ClientSecret
	}
	if slices.Contains(mask, "secret") && mismatch(sent.Secret, answered.Secret) ||
		slices.Contains(mask, "client_credentials") && mismatch(sentClient, answeredClient) {
		return &MismatchError{Method: resp.method, URL: resp.url}
	}
	return nil
}

// decodeWebhookAnswer decodes the answer about one webhook, which must be the one asked about when
// wantID is set.
func decodeWebhookAnswer(resp *answer, wantID string) (*Webhook, error) {
	hook, err := decodeWebhook(resp.body)
	switch {
	case err != nil:
		return nil, resp.unexpected(err.Error())
	case hook.ID == "":
		return nil, resp.unexpected("it names no webhook ID")
	case wantID != "" && hook.ID != wantID:
		// A cache or a proxy that mixes up answers.
		return nil, resp.unexpected("it is about another webhook")
	}
	return hook, nil
}

// decodeWebhook decodes a webhook of an answer: keys matched exactly, every field a string (triggers a
// list of strings, client_credentials an object) or null or absent. Its error never quotes the answer,
// which may hold the secrets.
func decodeWebhook(raw json.RawMessage) (*Webhook, error) {
	errShape := fmt.Errorf("it is not JSON of the documented shape")
	fields := jsonObject(raw)
	if fields == nil {
		return nil, errShape
	}
	d := exactDecoder{fields: fields}
	hook := &Webhook{ID: d.string("id"), AppID: d.string("app_id"), Target: d.string("target"),
		TargetType: d.string("target_type"), Triggers: d.strings("triggers"), Secret: d.optionalString("secret")}
	if credentials := d.object("client_credentials"); credentials != nil {
		c := exactDecoder{fields: credentials}
		hook.ClientCredentials = &ClientCredentials{ClientID: c.string("client_id"), ClientSecret: c.optionalString("client_secret"),
			Endpoint: c.string("endpoint"), Scope: c.string("scope"), ResponseType: c.string("response_type"),
			TokenRequestType: c.string("token_request_type")}
		d.failed = d.failed || c.failed
	}
	if d.failed {
		return nil, errShape
	}
	return hook, nil
}
