//go:build live

// Package livetest runs acceptance tests of every resource type against a real Sinch project, through
// the real CLI: `make testacc-live`, with the access key, the project and a Conversation API app in the
// environment (see the README). Before the tests it saves the secret of each callback configuration and
// the app's secret for overridden callback URLs; after them (also after a failure, or Ctrl-C) it puts
// each back and deletes every webhook it made, of either webhook API. It never prints a secret. Pointed at sinch-mock, it proves itself (`make testacc-live-mock`).
package livetest

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"os"
	"os/signal"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/terraform-sinch/terraform-provider-sinch/internal/client"
	"github.com/terraform-sinch/terraform-provider-sinch/internal/sinchapi"
)

// required are the settings without which the run does not start.
var required = []string{"SINCH_KEY_ID", "SINCH_KEY_SECRET", "SINCH_PROJECT_ID", "SINCH_CONVERSATION_APP_ID"}

// live is what the tests share: the project, the app, and the calls with which the run saves,
// restores and cleans up.
var live struct {
	project, appID string
	// targetPrefix starts the target of every webhook the run makes, so that cleanup finds them all.
	targetPrefix string
	apis         map[string]*client.CallbackConfigurations
	webhooks     *client.Webhooks
	provisioning *client.Webhooks
	app          *client.AppCallbackSettings
	// saved maps each API's key to the secret it held before the run ("" for none); savedApp is the app's
	// secret for overridden callback URLs (nil when Sinch does not answer it).
	saved    map[string]string
	savedApp *string
}

func TestMain(m *testing.M) {
	var missing []string
	for _, name := range required {
		if os.Getenv(name) == "" {
			missing = append(missing, name)
		}
	}
	if len(missing) > 0 {
		fmt.Fprintf(os.Stderr, "testacc-live needs %s in the environment: it changes that project's callback secrets "+
			"(and puts them back) and makes webhooks on that app (and deletes them). See the README.\n", strings.Join(missing, ", "))
		os.Exit(2)
	}
	if err := setUp(); err != nil {
		fmt.Fprintf(os.Stderr, "testacc-live: %v\n", err)
		os.Exit(2)
	}
	var restore sync.Once
	finish := func() {
		restore.Do(func() {
			tearDown()
			if plugins != "" {
				_ = os.RemoveAll(plugins)
			}
		})
	}

	interrupted := make(chan os.Signal, 1)
	signal.Notify(interrupted, os.Interrupt, syscall.SIGTERM)
	go func() {
		<-interrupted
		fmt.Fprintln(os.Stderr, "testacc-live: interrupted: putting the project back")
		finish()
		os.Exit(130)
	}()
	code := m.Run()
	finish()
	os.Exit(code)
}

// setUp reads the settings as the provider does, and saves each callback configuration's secret.
func setUp() error {
	live.project, live.appID = os.Getenv("SINCH_PROJECT_ID"), os.Getenv("SINCH_CONVERSATION_APP_ID")
	live.targetPrefix = "https://example.com/terraform-provider-sinch-live/" + randomHex(6) + "/"
	tokenURL := os.Getenv("SINCH_TOKEN_URL")
	if tokenURL == "" {
		tokenURL = client.DefaultTokenURL
	}
	c, err := client.New(client.Config{TokenURL: tokenURL, KeyID: os.Getenv("SINCH_KEY_ID"), KeySecret: os.Getenv("SINCH_KEY_SECRET"),
		MaxRetries: client.DefaultMaxRetries})
	if err != nil {
		return err
	}
	live.apis, live.saved = map[string]*client.CallbackConfigurations{}, map[string]string{}
	for _, api := range sinchapi.CallbackAPIs {
		calls, err := c.CallbackConfigurations(api, os.Getenv(sinchapi.EnvVarOf(api.URLSetting)))
		if err != nil {
			return err
		}
		configuration, err := calls.Get(context.Background(), live.project)
		if err != nil {
			return fmt.Errorf("saving the %s API's secret of project %s: %w", api.Name, live.project, err)
		}
		live.apis[api.Key], live.saved[api.Key] = calls, configuration.HMACSecret
	}
	conversationURL := os.Getenv("SINCH_CONVERSATION_API_URL")
	if conversationURL == "" {
		conversationURL = "https://" + orDefault(os.Getenv("SINCH_CONVERSATION_REGION"), "us") + ".conversation.api.sinch.com"
	}
	if live.webhooks, err = c.Webhooks(conversationURL); err != nil {
		return err
	}
	provisioningURL := orDefault(os.Getenv("SINCH_PROVISIONING_API_URL"), sinchapi.Provisioning.DefaultURL)
	if live.provisioning, err = c.WebhooksOf(sinchapi.Provisioning, provisioningURL); err != nil {
		return err
	}
	if live.app, err = c.AppCallbackSettings(conversationURL); err != nil {
		return err
	}
	settings, err := live.app.Get(context.Background(), live.project, live.appID)
	if err != nil {
		return fmt.Errorf("saving app %s's secret for overridden callback URLs: %w", live.appID, err)
	}
	live.savedApp = settings.Secret
	fmt.Fprintf(os.Stderr, "testacc-live: project %s, app %s: saved the secret of %d callback configurations and the app's\n",
		live.project, live.appID, len(live.saved))
	return nil
}

// tearDown puts each saved secret back, and deletes the webhooks the run made. It says what it did,
// never with a secret.
func tearDown() {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	for _, api := range sinchapi.CallbackAPIs {
		secret := live.saved[api.Key]
		if secret == "" {
			fmt.Fprintf(os.Stderr, "testacc-live: the %s API had no secret set before the run, and the API cannot unset one: "+
				"it keeps a secret of the run; set yours in Sinch's dashboard\n", api.Name)
			continue
		}
		if _, err := live.apis[api.Key].Update(ctx, live.project, secret); err != nil {
			fmt.Fprintf(os.Stderr, "testacc-live: could not put back the %s API's secret: %v\n", api.Name, err)
			continue
		}
		fmt.Fprintf(os.Stderr, "testacc-live: put back the %s API's secret\n", api.Name)
	}
	if live.savedApp == nil {
		fmt.Fprintf(os.Stderr, "testacc-live: Sinch did not answer app %s's secret for overridden callback URLs before the run, "+
			"so it keeps a secret of the run; set yours in Sinch's dashboard\n", live.appID)
	} else if _, err := live.app.Update(ctx, live.project, live.appID, *live.savedApp); err != nil {
		fmt.Fprintf(os.Stderr, "testacc-live: could not put back app %s's secret: %v\n", live.appID, err)
	} else {
		fmt.Fprintf(os.Stderr, "testacc-live: put back app %s's secret for overridden callback URLs\n", live.appID)
	}
	deleteRunsWebhooks(ctx, "Conversation", live.webhooks, live.appID)
	deleteRunsWebhooks(ctx, "Provisioning", live.provisioning, "")
}

// deleteRunsWebhooks deletes the webhooks of one API (of the app, or of the project) whose target the
// run made.
func deleteRunsWebhooks(ctx context.Context, api string, calls *client.Webhooks, appID string) {
	hooks, err := calls.List(ctx, live.project, appID)
	if err != nil {
		fmt.Fprintf(os.Stderr, "testacc-live: could not list the %s API's webhooks to delete the run's: %v\n", api, err)
		return
	}
	deleted := 0
	for _, hook := range hooks {
		if strings.HasPrefix(hook.Target, live.targetPrefix) {
			if err := calls.Delete(ctx, live.project, appID, hook.ID); err != nil {
				fmt.Fprintf(os.Stderr, "testacc-live: could not delete %s webhook %s: %v\n", api, hook.ID, err)
				continue
			}
			deleted++
		}
	}
	fmt.Fprintf(os.Stderr, "testacc-live: deleted %d %s webhook(s) of the run\n", deleted, api)
}

func randomHex(n int) string {
	b := make([]byte, n)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}

func orDefault(value, fallback string) string {
	if value == "" {
		return fallback
	}
	return value
}
