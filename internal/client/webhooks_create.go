package client

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"time"
)

// listAfterCancel bounds the list that finds out whether a create was made when the caller's context
// ended after the create was sent (Ctrl-C in Terraform): that list goes on without it, for so long.
const listAfterCancel = 10 * time.Second

// Create makes a webhook with one POST, and makes sure that one is made, not two. The API has no
// idempotency key, so a POST that may have reached Sinch without its answer reaching us (a 5xx, a
// timeout, a connection lost after it was sent, an answer that is not JSON of the documented shape) is
// not sent again blindly: the app's webhooks are listed, and one that matches what was sent (target,
// target type and triggers) is the one made, which Create returns with adopted set, after it writes its
// secrets again (unless the list shows them). When none matches, the POST is sent again, up to
// MaxRetries times. A POST that surely did not reach Sinch (a 429, no connection) is retried as any
// request is. When the list fails, or several webhooks match, the error is a *CreateUnconfirmedError.
//
// An answer that names a secret other than the one sent gives the webhook made and a *MismatchError; a
// webhook that was adopted but whose secrets could not be written again comes with that error. Either
// way the webhook exists at Sinch, and the caller must keep it.
func (w *Webhooks) Create(ctx context.Context, projectID string, hook Webhook) (created *Webhook, adopted bool, err error) {
	body, err := json.Marshal(hook.fields(webhookFields))
	if err != nil {
		return nil, false, err
	}
	create := request{method: http.MethodPost, url: w.url(projectID, "webhooks"), body: body, secrets: hook.Secrets(), once: true}
	for attempt := 0; ; attempt++ {
		resp, err := w.client.call(ctx, create)
		if err == nil {
			made, decodeErr := decodeWebhookAnswer(resp, "")
			if decodeErr == nil {
				return made, false, confirmSecrets(resp, &hook, made, webhookFields)
			}
			err = decodeErr
		}
		if !mayHaveBeenMade(err) {
			return nil, false, err
		}
		matching, listErr := w.matching(ctx, projectID, hook)
		switch {
		case listErr != nil:
			return nil, false, &CreateUnconfirmedError{Method: create.method, URL: create.url, AppID: hook.AppID, Err: err, ListErr: listErr}
		case len(matching) > 1:
			var ids []string
			for _, m := range matching {
				ids = append(ids, m.ID)
			}
			return nil, false, &CreateUnconfirmedError{Method: create.method, URL: create.url, AppID: hook.AppID, Err: err, Matching: ids}
		case len(matching) == 1:
			adopted, err := w.writeSecretsOf(ctx, projectID, matching[0], hook)
			if adopted == nil {
				// The webhook was made, but its secrets may not be the ones sent: it is still the caller's.
				adopted = &matching[0]
			}
			return adopted, true, err
		case attempt >= w.client.retries || ctx.Err() != nil:
			return nil, false, err
		}
		if !sleep(ctx, jitteredBackoff(w.client.waitMin, w.client.waitMax, attempt, nil)) {
			return nil, false, err
		}
	}
}

// mayHaveBeenMade tells whether a create that failed with err may still have reached Sinch and been
// acted on.
func mayHaveBeenMade(err error) bool {
	var apiErr *APIError
	var unexpected *UnexpectedAnswerError
	var transportErr *TransportError
	var tokenErr *TokenError
	switch {
	case errors.As(err, &tokenErr):
		return false
	case errors.As(err, &apiErr):
		return apiErr.HTTPStatus >= 500 || apiErr.HTTPStatus == http.StatusRequestTimeout
	case errors.As(err, &unexpected):
		return true
	case errors.As(err, &transportErr):
		problem := transportErr.Problem()
		return problem != ProblemRefused && problem != ProblemDNS && problem != ProblemTLS
	default:
		return false
	}
}

// matching lists the app's webhooks that match hook (see Create). When ctx has ended, the list goes on
// without it for a while: the create may have been made, and finding it matters more than stopping at
// once.
func (w *Webhooks) matching(ctx context.Context, projectID string, hook Webhook) ([]Webhook, error) {
	if ctx.Err() != nil {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(context.WithoutCancel(ctx), listAfterCancel)
		defer cancel()
	}
	hooks, err := w.List(ctx, projectID, hook.AppID)
	if err != nil {
		return nil, err
	}
	var matching []Webhook
	for _, h := range hooks {
		if h.Target == hook.Target && targetType(h.TargetType) == targetType(hook.TargetType) && sameSet(h.Triggers, hook.Triggers) {
			matching = append(matching, h)
		}
	}
	return matching, nil
}

// writeSecretsOf writes the secrets of want to the webhook found (which the create made with them),
// unless the list showed them already.
func (w *Webhooks) writeSecretsOf(ctx context.Context, projectID string, found, want Webhook) (*Webhook, error) {
	var mask []string
	if want.Secret != nil && (found.Secret == nil || *found.Secret != *want.Secret) {
		mask = append(mask, "secret")
	}
	if c := want.ClientCredentials; c != nil && c.ClientSecret != nil &&
		(found.ClientCredentials == nil || found.ClientCredentials.ClientSecret == nil || *found.ClientCredentials.ClientSecret != *c.ClientSecret) {
		mask = append(mask, "client_credentials")
	}
	if len(mask) == 0 {
		return &found, nil
	}
	want.ID = found.ID
	return w.Update(ctx, projectID, want, mask)
}

func targetType(t string) string {
	if t == "" {
		return "HTTP"
	}
	return t
}

func sameSet(a, b []string) bool {
	a, b = slices.Clone(a), slices.Clone(b)
	slices.Sort(a)
	slices.Sort(b)
	return slices.Equal(slices.Compact(a), slices.Compact(b))
}

// sleep waits d, and tells whether ctx is still alive afterwards.
func sleep(ctx context.Context, d time.Duration) bool {
	timer := time.NewTimer(d)
	defer timer.Stop()
	select {
	case <-timer.C:
		return true
	case <-ctx.Done():
		return false
	}
}

// CreateUnconfirmedError is a create that may have been made, whose answer was lost, and which Sinch's
// list of the app's webhooks could not settle: the list failed (ListErr), or several webhooks match what
// was sent (Matching), so that the one made cannot be told apart.
type CreateUnconfirmedError struct {
	Method, URL string
	AppID       string
	// Err is why the create's answer was lost.
	Err      error
	ListErr  error
	Matching []string
}

func (e *CreateUnconfirmedError) Error() string {
	if e.ListErr != nil {
		return fmt.Sprintf("sinch: %s %s may have made the webhook (%v), and the list of app %q's webhooks that would tell failed: %v",
			e.Method, e.URL, e.Err, e.AppID, e.ListErr)
	}
	return fmt.Sprintf("sinch: %s %s may have made the webhook (%v), and %d webhooks of app %q match it: %s",
		e.Method, e.URL, e.Err, len(e.Matching), e.AppID, strings.Join(e.Matching, ", "))
}

func (e *CreateUnconfirmedError) Unwrap() error { return e.Err }
