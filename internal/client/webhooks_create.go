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

// Create makes a webhook with one POST, and makes sure that one is made, not two, and that no other
// webhook is taken for it. The APIs have no idempotency key, so a POST that may have reached Sinch without
// its answer reaching us (a 5xx, a timeout, a connection lost after it was sent, an answer that is not
// JSON of the documented shape) is not sent again blindly: the scope's webhooks (the app's, or the
// project's) are listed, and one that matches what was sent (target, target type and triggers; the target
// alone where a target is unique) and that the create made is adopted: Create returns it with adopted
// set, after it writes its secrets again (unless the list shows them). "Made by the create" means absent
// from the list taken just before the POST, and not made or adopted by another create of this client: a
// webhook of the dashboard, of another workspace, the object that a create_before_destroy replaces, or
// that another resource of the run made, is never adopted, although it matches. When none matches, the
// POST is sent again, up to MaxRetries times. A POST that surely did not reach Sinch (a 429, no
// connection) is retried as any request is. When the list fails, or several webhooks match, the error is
// a *CreateUnconfirmedError.
//
// The list before the POST is what proves a webhook new, so a create that cannot list sends nothing and
// fails with the list's error. Where a target is unique, a target that the list shows already is a
// *TargetTakenError, and nothing is sent. A create that Sinch refuses is a *CreateRefusedError, with what
// the scope has then (a *TargetTakenError when that shows the target, however Sinch words its refusal).
//
// An answer that names a secret other than the one sent gives the webhook made and a *MismatchError; a
// webhook that was adopted but whose secrets could not be written again comes with that error. Either
// way the webhook exists at Sinch, and the caller must keep it.
func (w *Webhooks) Create(ctx context.Context, projectID string, hook Webhook) (created *Webhook, adopted bool, err error) {
	body, err := json.Marshal(hook.fields(w.api.CreateFields))
	if err != nil {
		return nil, false, err
	}
	before, err := w.List(ctx, projectID, hook.AppID)
	if err != nil {
		return nil, false, err
	}
	if taken := w.withTarget(before, hook.Target); taken != nil {
		return nil, false, &TargetTakenError{Scope: w.scopeOf(projectID, hook.AppID), Webhook: *taken}
	}
	existed := map[string]bool{}
	for _, h := range before {
		existed[h.ID] = true
	}
	create := request{method: http.MethodPost, url: w.url(projectID, "webhooks"), body: body, secrets: hook.Secrets(), once: true}
	for attempt := 0; ; attempt++ {
		resp, err := w.client.call(ctx, create)
		if err == nil {
			made, decodeErr := decodeWebhookAnswer(resp, "")
			if decodeErr == nil {
				w.client.claim(made.ID)
				return made, false, confirmSecrets(resp, &hook, made, w.api.CreateFields)
			}
			err = decodeErr
		}
		if !mayHaveBeenMade(err) {
			return nil, false, w.refusal(ctx, projectID, hook, before, err)
		}
		matching, listErr := w.madeBy(ctx, projectID, hook, existed)
		switch {
		case listErr != nil:
			return nil, false, &CreateUnconfirmedError{Method: create.method, URL: create.url, Scope: w.scopeOf(projectID, hook.AppID), Err: err, ListErr: listErr}
		case len(matching) > 1:
			var ids []string
			for _, m := range matching {
				ids = append(ids, m.ID)
			}
			return nil, false, &CreateUnconfirmedError{Method: create.method, URL: create.url, Scope: w.scopeOf(projectID, hook.AppID), Err: err, Matching: ids}
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

// refusal explains a create that made nothing: Sinch refused it (a *CreateRefusedError, or a
// *TargetTakenError when the scope has the target now), or it never reached Sinch.
func (w *Webhooks) refusal(ctx context.Context, projectID string, hook Webhook, before []Webhook, err error) error {
	var apiErr *APIError
	if !errors.As(err, &apiErr) || apiErr.HTTPStatus >= 500 {
		return err
	}
	// What the scope has now explains the refusal (other creates of the run may have been made since the
	// list before this one); that list, if this one fails.
	if now, listErr := w.List(ctx, projectID, hook.AppID); listErr == nil {
		before = now
	}
	if taken := w.withTarget(before, hook.Target); taken != nil {
		return &TargetTakenError{Scope: w.scopeOf(projectID, hook.AppID), Webhook: *taken, Err: apiErr}
	}
	return &CreateRefusedError{Err: apiErr, Existing: before}
}

// withTarget is the webhook of hooks with the target, where a target is unique; nil otherwise.
func (w *Webhooks) withTarget(hooks []Webhook, target string) *Webhook {
	if !w.api.TargetUnique {
		return nil
	}
	for _, h := range hooks {
		if h.Target == target {
			return &h
		}
	}
	return nil
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

// madeBy lists the scope's webhooks that a create of hook may have made: those that match it (see
// Create), were not in the list taken before it (existed), and were not made or adopted by another
// create of this client. Of those it claims the one, when there is one, for this create. When ctx has
// ended, the list goes on without it for a while: the create may have been made, and finding it matters
// more than stopping at once.
func (w *Webhooks) madeBy(ctx context.Context, projectID string, hook Webhook, existed map[string]bool) ([]Webhook, error) {
	if ctx.Err() != nil {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(context.WithoutCancel(ctx), listAfterCancel)
		defer cancel()
	}
	hooks, err := w.List(ctx, projectID, hook.AppID)
	if err != nil {
		return nil, err
	}
	var made []Webhook
	for _, h := range hooks {
		if !existed[h.ID] && !w.client.claimed(h.ID) && w.matches(h, hook) {
			made = append(made, h)
		}
	}
	if len(made) == 1 && !w.client.claim(made[0].ID) {
		// Another create of this client claimed it since the list.
		return nil, nil
	}
	return made, nil
}

// matches tells whether a listed webhook is what a create sent: the same target, where a target is
// unique; otherwise the same target, target type and triggers.
func (w *Webhooks) matches(listed, sent Webhook) bool {
	if w.api.TargetUnique {
		return listed.Target == sent.Target
	}
	return listed.Target == sent.Target && targetType(listed.TargetType) == targetType(sent.TargetType) && sameSet(listed.Triggers, sent.Triggers)
}

// writeSecretsOf writes the secrets of want to the webhook found (which the create made with them),
// unless the list showed them already; and its triggers, where the target alone found it.
func (w *Webhooks) writeSecretsOf(ctx context.Context, projectID string, found, want Webhook) (*Webhook, error) {
	var mask []string
	if want.Secret != nil && (found.Secret == nil || *found.Secret != *want.Secret) {
		mask = append(mask, "secret")
	}
	if c := want.ClientCredentials; c != nil && c.ClientSecret != nil &&
		(found.ClientCredentials == nil || found.ClientCredentials.ClientSecret == nil || *found.ClientCredentials.ClientSecret != *c.ClientSecret) {
		mask = append(mask, "client_credentials")
	}
	if !sameSet(found.Triggers, want.Triggers) {
		mask = append(mask, "triggers")
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
// list of the scope's webhooks could not settle: the list failed (ListErr), or several webhooks match what
// was sent (Matching), so that the one made cannot be told apart.
type CreateUnconfirmedError struct {
	Method, URL string
	// Scope names what was listed, such as `app "a"`.
	Scope string
	// Err is why the create's answer was lost.
	Err      error
	ListErr  error
	Matching []string
}

func (e *CreateUnconfirmedError) Error() string {
	if e.ListErr != nil {
		return fmt.Sprintf("sinch: %s %s may have made the webhook (%v), and the list of %s's webhooks that would tell failed: %v",
			e.Method, e.URL, e.Err, e.Scope, e.ListErr)
	}
	return fmt.Sprintf("sinch: %s %s may have made the webhook (%v), and %d webhooks of %s match it: %s",
		e.Method, e.URL, e.Err, len(e.Matching), e.Scope, strings.Join(e.Matching, ", "))
}

func (e *CreateUnconfirmedError) Unwrap() error { return e.Err }

// CreateRefusedError is a create that Sinch answered with a 4xx other than 408: nothing was made.
// Existing are the webhooks the scope has once refused (or had just before, when that list fails), for
// the caller to explain the refusal (the sixth webhook of an app, say).
type CreateRefusedError struct {
	Err      *APIError
	Existing []Webhook
}

func (e *CreateRefusedError) Error() string { return e.Err.Error() }

func (e *CreateRefusedError) Unwrap() error { return e.Err }

// TargetTakenError is a create of a target that a webhook of the scope has already, where a target is
// unique (the Provisioning API): found in the list before the POST, which is then not sent, or after Sinch
// refused it (Err), however Sinch words the refusal.
type TargetTakenError struct {
	Scope   string
	Webhook Webhook
	// Err is Sinch's refusal, nil when the create was not sent.
	Err *APIError
}

func (e *TargetTakenError) Error() string {
	return fmt.Sprintf("sinch: webhook %s of %s has the target %q already", e.Webhook.ID, e.Scope, e.Webhook.Target)
}

func (e *TargetTakenError) Unwrap() error {
	if e.Err == nil {
		return nil
	}
	return e.Err
}
