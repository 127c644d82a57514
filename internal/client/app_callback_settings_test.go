package client_test

import (
	"context"
	"errors"
	"net/http"
	"testing"

	"github.com/terraform-sinch/terraform-provider-sinch/internal/client"
	"github.com/terraform-sinch/terraform-provider-sinch/internal/sinchmock"
)

func appSettingsOf(t *testing.T, mock *sinchmock.Running) *client.AppCallbackSettings {
	t.Helper()
	c, err := client.New(client.Config{TokenURL: mock.TokenURL, KeyID: keyID, KeySecret: keySecret})
	if err != nil {
		t.Fatal(err)
	}
	s, err := c.AppCallbackSettings(mock.ConversationURL)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// An app's callback secret is read from the app's answer, and set with a PATCH whose update_mask names
// callback_settings: the app's other fields (its channel credentials) stay as they were.
func TestAppCallbackSettings_calls(t *testing.T) {
	mock := webhookMock(t)
	s := appSettingsOf(t, mock)
	before, _ := mock.App("app-1")
	got, err := s.Get(context.Background(), "p1", "app-1")
	if err != nil || got.Secret == nil || *got.Secret != "" {
		t.Fatalf("get of an app with no secret: %+v, %v", got, err)
	}
	if _, err := s.Update(context.Background(), "p1", "app-1", "overridden-secret-1"); err != nil {
		t.Fatal(err)
	}
	patch := lastRequest(mock, http.MethodPatch)
	after, _ := mock.App("app-1")
	if patch.Query != "update_mask=callback_settings" || patch.Body != `{"callback_settings":{"secret_for_overridden_callback_urls":"overridden-secret-1"}}` ||
		after.CallbackSettings.SecretForOverriddenCallbackURLs != "overridden-secret-1" || after.DisplayName != before.DisplayName ||
		len(after.ChannelCredentials) != 1 || *after.ChannelCredentials[0].StaticBearer != *before.ChannelCredentials[0].StaticBearer {
		t.Errorf("PATCH ?%s %s left %+v", patch.Query, patch.Body, after)
	}
	if got, err := s.Get(context.Background(), "p1", "app-1"); err != nil || *got.Secret != "overridden-secret-1" {
		t.Errorf("get: %+v, %v", got, err)
	}
}

// An answer that hides the secret says nothing of it; one that names another secret does not confirm
// the write; one about another app is not taken.
func TestAppCallbackSettings_answers(t *testing.T) {
	hidden := webhookMock(t, func(o *sinchmock.Options) { o.HideAppSecrets = true })
	if got, err := appSettingsOf(t, hidden).Get(context.Background(), "p1", "app-1"); err != nil || got.Secret != nil {
		t.Errorf("an answer without the secret: %+v, %v", got, err)
	}
	mock := webhookMock(t)
	mock.Script(sinchmock.Conversation, http.MethodPatch, "/v1/projects/p1/apps/app-1",
		sinchmock.Answer(map[string]any{"id": "app-1", "callback_settings": map[string]any{"secret_for_overridden_callback_urls": "another"}}))
	var mismatch *client.MismatchError
	if _, err := appSettingsOf(t, mock).Update(context.Background(), "p1", "app-1", "sent"); !errors.As(err, &mismatch) {
		t.Errorf("an answer naming another secret: %v", err)
	}
	mock.Script(sinchmock.Conversation, http.MethodGet, "/v1/projects/p1/apps/app-1", sinchmock.Answer(map[string]any{"id": "app-2"}))
	var unexpected *client.UnexpectedAnswerError
	if _, err := appSettingsOf(t, mock).Get(context.Background(), "p1", "app-1"); !errors.As(err, &unexpected) {
		t.Errorf("an answer about another app: %v", err)
	}
	if _, err := appSettingsOf(t, mock).Get(context.Background(), "p1", "no-such-app"); !client.IsNotFound(err) {
		t.Errorf("an app that does not exist: %v", err)
	}
}
