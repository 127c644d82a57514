package client_test

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/terraform-sinch/terraform-provider-sinch/internal/client"
	"github.com/terraform-sinch/terraform-provider-sinch/internal/sinchapi"
	"github.com/terraform-sinch/terraform-provider-sinch/internal/sinchmock"
)

const provisioningPath = "/v1/projects/p1/webhooks"

func provisioningOf(t *testing.T, mock *sinchmock.Running, maxRetries int) *client.Webhooks {
	t.Helper()
	c, err := client.New(client.Config{TokenURL: mock.TokenURL, KeyID: keyID, KeySecret: keySecret, MaxRetries: maxRetries,
		RetryWaitMin: time.Millisecond, RetryWaitMax: 20 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	w, err := c.WebhooksOf(sinchapi.Provisioning, mock.URLOf(sinchmock.Provisioning))
	if err != nil {
		t.Fatal(err)
	}
	return w
}

func provisioningHook(target string) client.Webhook {
	return client.Webhook{Target: target, Triggers: []string{"WHATSAPP_SENDER_ACTIVE", "WHATSAPP_TEMPLATE_APPROVED"}, Secret: ptr("onboarding-secret-1")}
}

// The calls of the Provisioning API's webhooks: a create sends target, secret and triggers alone; the
// secret is never answered; an update sends only what changes, without update_mask; a list follows the
// pages to the end; a delete of a webhook gone counts once the project's list confirms it.
func TestProvisioningWebhooks_calls(t *testing.T) {
	mock := webhookMock(t, func(o *sinchmock.Options) { o.ProvisioningPageSize = 2 })
	w := provisioningOf(t, mock, 0)
	ctx := context.Background()
	made, adopted, err := w.Create(ctx, "p1", provisioningHook("https://onboarding.example/events"))
	if err != nil || adopted || made.ID == "" || made.Secret != nil {
		t.Fatalf("create: %v, %v, %v", made, adopted, err)
	}
	post := lastRequest(mock, http.MethodPost)
	if post.Body != `{"secret":"onboarding-secret-1","target":"https://onboarding.example/events","triggers":["WHATSAPP_SENDER_ACTIVE","WHATSAPP_TEMPLATE_APPROVED"]}` {
		t.Errorf("the create sent %s", post.Body)
	}
	if held, _ := mock.ProvisioningWebhook(made.ID); held.Secret != "onboarding-secret-1" {
		t.Errorf("Sinch holds %+v", held)
	}

	change := *made
	change.Triggers = []string{"ALL"}
	if _, err := w.Update(ctx, "p1", change, []string{"triggers"}); err != nil {
		t.Fatal(err)
	}
	patch := lastRequest(mock, http.MethodPatch)
	if patch.Query != "" || patch.Body != `{"triggers":["ALL"]}` {
		t.Errorf("the update sent ?%s %s", patch.Query, patch.Body)
	}

	for i := range 4 {
		if _, _, err := w.Create(ctx, "p1", provisioningHook(fmt.Sprintf("https://onboarding.example/%d", i))); err != nil {
			t.Fatal(err)
		}
	}
	gets := mock.CountsOf(sinchmock.Provisioning).Get
	hooks, err := w.List(ctx, "p1", "")
	if err != nil || len(hooks) != 5 || mock.CountsOf(sinchmock.Provisioning).Get-gets != 3 {
		t.Fatalf("list of 5 webhooks in pages of 2: %d webhooks after %d GET, %v", len(hooks), mock.CountsOf(sinchmock.Provisioning).Get-gets, err)
	}

	// Pages stops asking once its caller has what it wants.
	gets = mock.CountsOf(sinchmock.Provisioning).Get
	var first []client.Webhook
	err = w.Pages(ctx, "p1", "", func(page []client.Webhook) bool {
		first = append(first, page...)
		return false
	})
	if err != nil || len(first) != 2 || mock.CountsOf(sinchmock.Provisioning).Get-gets != 1 {
		t.Fatalf("the first page of 2: %d webhooks after %d GET, %v", len(first), mock.CountsOf(sinchmock.Provisioning).Get-gets, err)
	}

	if err := w.Delete(ctx, "p1", "", made.ID); err != nil {
		t.Fatal(err)
	}
	if err := w.Delete(ctx, "p1", "", made.ID); err != nil {
		t.Errorf("a delete of a webhook gone: %v", err)
	}
	if _, err := w.Get(ctx, "p1", "", made.ID); !client.IsNotFound(err) {
		t.Errorf("get after delete: %v", err)
	}
}

func lastRequest(mock *sinchmock.Running, method string) sinchmock.Request {
	var last sinchmock.Request
	for _, r := range mock.Requests() {
		if r.Method == method {
			last = r
		}
	}
	return last
}

// A create whose answer was lost finds its webhook by its target (a project's targets are unique),
// among those that the list before it did not have, and writes its secret and triggers to it: Sinch never
// answers a secret. One that was not made is sent again.
func TestProvisioningWebhooks_lostCreate(t *testing.T) {
	for name, tc := range map[string]struct {
		faults         []sinchmock.Fault
		posts, patches int
		adopted        bool
	}{
		"made, then a 500":                  {[]sinchmock.Fault{sinchmock.Lost(500)}, 1, 1, true},
		"made, then the connection dropped": {[]sinchmock.Fault{sinchmock.Lost(0)}, 1, 1, true},
		"not made: a 500, then made":        {[]sinchmock.Fault{{Status: 500}}, 2, 0, false},
	} {
		t.Run(name, func(t *testing.T) {
			mock := webhookMock(t)
			mock.Script(sinchmock.Provisioning, http.MethodPost, provisioningPath, tc.faults...)
			made, adopted, err := provisioningOf(t, mock, 2).Create(context.Background(), "p1", provisioningHook("https://onboarding.example/events"))
			hooks := mock.ProvisioningWebhooks("p1")
			c := mock.CountsOf(sinchmock.Provisioning)
			if err != nil || adopted != tc.adopted || len(hooks) != 1 || made.ID != hooks[0].ID || c.Post != tc.posts || c.Patch != tc.patches {
				t.Fatalf("got %v, %v, %v after %+v; Sinch has %+v", made, adopted, err, c, hooks)
			}
			if hooks[0].Secret != "onboarding-secret-1" {
				t.Errorf("the webhook holds the secret %q", hooks[0].Secret)
			}
			if tc.patches > 0 {
				if patch := lastRequest(mock, http.MethodPatch); !strings.Contains(patch.Body, `"secret":"onboarding-secret-1"`) {
					t.Errorf("the rewrite of the adopted webhook sent %s", patch.Body)
				}
			}
		})
	}
}

// A target that the project has already: found in the list before the create, which is then not sent;
// or, when it was made in between, after Sinch refused the create, however Sinch words its refusal.
// Either way the error names the webhook that has it.
func TestProvisioningWebhooks_targetTaken(t *testing.T) {
	t.Run("there before", func(t *testing.T) {
		mock := webhookMock(t)
		there := mock.AddProvisioningWebhook("p1", sinchmock.ProvisioningWebhook{Target: "https://onboarding.example/events", Triggers: []string{"ALL"}, Secret: "s"})
		_, _, err := provisioningOf(t, mock, 0).Create(context.Background(), "p1", provisioningHook("https://onboarding.example/events"))
		var taken *client.TargetTakenError
		if !errors.As(err, &taken) || taken.Webhook.ID != there || taken.Err != nil || mock.CountsOf(sinchmock.Provisioning).Post != 0 {
			t.Fatalf("got %v, want the webhook that has the target, and no create sent", err)
		}
	})
	t.Run("made in between, refused in other words", func(t *testing.T) {
		mock := webhookMock(t, func(o *sinchmock.Options) {
			o.ProvisioningDuplicateTarget = &sinchmock.ProvisioningError{Status: 400, ErrorCode: "BAD_REQUEST", Message: "Invalid request."}
		})
		made := make(chan string, 1)
		mock.Script(sinchmock.Provisioning, http.MethodPost, provisioningPath, sinchmock.Fault{Delay: 100 * time.Millisecond})
		time.AfterFunc(30*time.Millisecond, func() {
			made <- mock.AddProvisioningWebhook("p1", sinchmock.ProvisioningWebhook{Target: "https://onboarding.example/events", Triggers: []string{"ALL"}, Secret: "s"})
		})
		_, _, err := provisioningOf(t, mock, 0).Create(context.Background(), "p1", provisioningHook("https://onboarding.example/events"))
		there := <-made
		var taken *client.TargetTakenError
		var apiErr *client.APIError
		if !errors.As(err, &taken) || taken.Webhook.ID != there || !errors.As(err, &apiErr) || apiErr.ErrorCode != "BAD_REQUEST" {
			t.Fatalf("got %v, want the webhook that has the target, with Sinch's refusal", err)
		}
	})
}

// The Provisioning API's error body is read field by field: errorCode, message, resolution (Sinch's "what
// to do") and additionalInformation; secrets are redacted from every one of them.
func TestProvisioningWebhooks_errorBody(t *testing.T) {
	mock := webhookMock(t)
	for range 15 {
		mock.AddProvisioningWebhook("p1", sinchmock.ProvisioningWebhook{Target: fmt.Sprintf("https://%d.example/", time.Now().UnixNano()), Triggers: []string{"ALL"}, Secret: "s"})
	}
	_, _, err := provisioningOf(t, mock, 0).Create(context.Background(), "p1", provisioningHook("https://sixteenth.example/"))
	var refused *client.CreateRefusedError
	if !errors.As(err, &refused) || len(refused.Existing) != 15 || refused.Err.ErrorCode != "WEBHOOK_LIMIT_EXCEEDED" ||
		refused.Err.Resolution == "" || len(refused.Err.AdditionalInformation) == 0 || !strings.Contains(err.Error(), "WEBHOOK_LIMIT_EXCEEDED") {
		t.Fatalf("got %v (%+v), want the refusal of a 16th webhook, read field by field", err, refused)
	}

	echoed := webhookMock(t)
	echoed.Script(sinchmock.Provisioning, http.MethodPost, provisioningPath, sinchmock.Echo(400))
	hook := provisioningHook("https://onboarding.example/events")
	hook.Secret = ptr(`Xk3&pQ9<z>"a\b-echoed`)
	_, _, err = provisioningOf(t, echoed, 0).Create(context.Background(), "p1", hook)
	var apiErr *client.APIError
	if !errors.As(err, &apiErr) {
		t.Fatalf("got %v", err)
	}
	all := strings.Join(append([]string{err.Error(), apiErr.Message, apiErr.Resolution}, apiErr.AdditionalInformation...), "\n")
	if strings.Contains(all, "Xk3") || !strings.Contains(all, "(redacted)") {
		t.Errorf("the echoed secret is not redacted everywhere:\n%s", all)
	}
}
