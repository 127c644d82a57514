// Command sinch-mock serves the fake Sinch APIs (the callback configurations of every API of the table,
// the first with the token endpoint, the Conversation API's webhooks and apps, and the Provisioning API's
// webhooks) on loopback ports, one per API, for the demo and for manual runs, and an admin API
// that does what a person would do in Sinch's dashboard (GET $SINCH_MOCK_ADMIN_URL for its calls). It
// prints the provider settings that point at them as lines a shell can eval, and serves until
// interrupted.
//
// It serves the Voice API's application callback URLs and the Numbers API's active numbers too, with a
// demo Voice application and demo numbers in the first project (numbers.go).
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"log"
	"net"
	"net/http"
	"os"
	"os/signal"
	"slices"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/terraform-sinch/terraform-provider-sinch/internal/sinchapi"
	"github.com/terraform-sinch/terraform-provider-sinch/internal/sinchmock"
)

func main() {
	// A listener per API of the table, each with a setting of its own, the Conversation API's and the
	// Provisioning API's.
	listen := map[sinchmock.API]*string{
		sinchmock.Conversation: flag.String("conversation-listen", "127.0.0.1:0", "loopback address of the Conversation API (its webhooks and apps)"),
		sinchmock.Provisioning: flag.String("provisioning-listen", "127.0.0.1:0", "loopback address of the Provisioning API (its webhooks)"),
	}
	urlSettings := map[sinchmock.API]string{sinchmock.Conversation: "conversation_api_url", sinchmock.Provisioning: "provisioning_api_url"}
	for _, api := range sinchapi.CallbackAPIs {
		usage := "loopback address of the " + api.Name + " API"
		if sinchmock.API(api.Key) == sinchmock.TokenAPI {
			usage += ", and of the token endpoint"
		}
		listen[sinchmock.API(api.Key)] = flag.String(api.Key+"-listen", "127.0.0.1:0", usage)
		urlSettings[sinchmock.API(api.Key)] = api.URLSetting
	}
	// The Voice API and the Numbers API's active numbers, apart from the table: neither has a callback
	// configuration, and the Voice API signs with an application's secret.
	listen[sinchmock.Voice] = flag.String("voice-listen", "127.0.0.1:0", "loopback address of the Voice API (its applications' callback URLs)")
	voiceKey := flag.String("voice-app-key", demoVoiceKey, "the key of the Voice application that exists")
	voiceSecret := flag.String("voice-app-secret", demoVoiceSecret, "its secret, in base64 as Sinch's are")
	numberProvisioningTime := flag.Duration("number-provisioning-time", 2*time.Second, "how long a number's SMS or voice provisioning takes (0: at once)")
	numberCount := flag.Int("number-count", 0, fmt.Sprintf("also rent numbers +12025551000, +12025551001, … up to this many (at most %d), in the first project", maxNumberCount))
	projects := flag.String("projects", "demo-project", "comma-separated IDs of the projects that exist")
	secret := flag.String("initial-secret", "initial-secret-set-in-the-dashboard", "the HMAC secret every project starts with")
	keyID := flag.String("key-id", "demo-key-id", "the access key ID the token endpoint accepts")
	keySecret := flag.String("key-secret", "demo-key-secret", "the access key secret the token endpoint accepts")
	envFile := flag.String("env-file", "", "also write the settings to this file, once the server listens")
	latency := flag.Duration("latency", 0, "added to every answer, as a network and a real API would")
	projectCount := flag.Int("project-count", 0, "also create projects project-0000, project-0001, … up to this many")
	apps := flag.String("apps", "demo-app", "comma-separated IDs of the Conversation API apps that exist, in the first project")
	appCount := flag.Int("app-count", 0, "also create apps app-0000, app-0001, … up to this many, in the first project")
	hideWebhookSecrets := flag.Bool("hide-webhook-secrets", false, "leave the secrets out of the answers that describe a webhook")
	hideAppSecrets := flag.Bool("hide-app-secrets", false, "leave secret_for_overridden_callback_urls out of the answers that describe a Conversation app")
	provisioningPageSize := flag.Int("provisioning-page-size", sinchmock.MaxProvisioningPageSize,
		fmt.Sprintf("the page size of a Provisioning API list that sends no pageSize, from 1 to %d", sinchmock.MaxProvisioningPageSize))
	adminListen := flag.String("admin-listen", "127.0.0.1:0", "loopback address of the admin API (set a secret as in the dashboard, a project's state, counts), apart from the APIs")
	flag.Parse()
	if *provisioningPageSize < 1 || *provisioningPageSize > sinchmock.MaxProvisioningPageSize {
		log.Fatalf("-provisioning-page-size %d is not from 1 to %d", *provisioningPageSize, sinchmock.MaxProvisioningPageSize)
	}

	seeded := map[string]string{}
	for _, id := range strings.Split(*projects, ",") {
		if id = strings.TrimSpace(id); id != "" {
			seeded[id] = *secret
		}
	}
	for i := range *projectCount {
		seeded[fmt.Sprintf("project-%04d", i)] = *secret
	}
	first := strings.TrimSpace(strings.Split(*projects, ",")[0])
	seededApps := map[string]string{}
	for _, id := range strings.Split(*apps, ",") {
		if id = strings.TrimSpace(id); id != "" {
			seededApps[id] = first
		}
	}
	for i := range *appCount {
		seededApps[fmt.Sprintf("app-%04d", i)] = first
	}
	if *numberCount < 0 || *numberCount > maxNumberCount {
		log.Fatalf("-number-count must be between 0 and %d", maxNumberCount)
	}
	server := sinchmock.New(sinchmock.Options{KeyID: *keyID, KeySecret: *keySecret, Projects: seeded, Apps: seededApps,
		Latency: *latency, HideWebhookSecrets: *hideWebhookSecrets, HideAppSecrets: *hideAppSecrets,
		ProvisioningPageSize: *provisioningPageSize,
		VoiceApps:            map[string]sinchmock.VoiceApp{*voiceKey: {Secret: *voiceSecret, URLs: sinchmock.VoiceURLs{Primary: "https://handler.example/voice"}}},
		ActiveNumbers:        map[string][]sinchmock.ActiveNumber{first: demoNumbers(*numberCount)}, NumberProvisioningTime: *numberProvisioningTime})
	adminURL := serveAdmin(*adminListen, server)

	listeners := map[sinchmock.API]net.Listener{}
	urls := map[sinchmock.API]string{}
	for api, address := range listen {
		listeners[api] = listenLoopback(*address)
		urls[api] = "http://" + listeners[api].Addr().String()
	}
	var settings [][2]string
	for _, api := range append(slices.Clone(sinchmock.APIs), sinchmock.Conversation, sinchmock.Provisioning) {
		settings = append(settings, [2]string{sinchapi.EnvVarOf(urlSettings[api]), urls[api]})
	}
	exports := sinchmock.ShellExports(append(settings,
		[2]string{"SINCH_TOKEN_URL", urls[sinchmock.TokenAPI] + sinchmock.TokenPath},
		[2]string{"SINCH_KEY_ID", *keyID},
		[2]string{"SINCH_KEY_SECRET", *keySecret},
		[2]string{"SINCH_PROJECT_ID", first},
		[2]string{"SINCH_MOCK_ADMIN_URL", adminURL},
	))
	exports += sinchmock.ShellExports([][2]string{
		{"SINCH_VOICE_API_URL", urls[sinchmock.Voice]},
		{"SINCH_APPLICATION_KEY", *voiceKey},
		{"SINCH_APPLICATION_SECRET", *voiceSecret},
	})
	if *envFile != "" {
		if err := os.WriteFile(*envFile, []byte(exports), 0o600); err != nil {
			log.Fatal(err)
		}
	}
	fmt.Print(exports)

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	var serving sync.WaitGroup
	for api, listener := range listeners {
		httpServer := &http.Server{Handler: server.Handler(api), ConnState: server.ConnState}
		go func() {
			<-ctx.Done()
			_ = httpServer.Close()
		}()
		serving.Go(func() {
			if err := httpServer.Serve(listener); err != nil && !errors.Is(err, http.ErrServerClosed) {
				log.Fatal(err)
			}
		})
	}
	serving.Wait()
	c := server.Counts()
	log.Printf("served %d token, %d GET, %d POST, %d PUT, %d PATCH and %d DELETE requests", c.Token, c.Get, c.Post, c.Put, c.Patch, c.Delete)
}

// listenLoopback listens on a loopback address, and on nothing else.
func listenLoopback(address string) net.Listener {
	listener, err := net.Listen("tcp", address)
	if err != nil {
		log.Fatal(err)
	}
	if addr, ok := listener.Addr().(*net.TCPAddr); !ok || !addr.IP.IsLoopback() {
		log.Fatalf("sinch-mock listens on loopback addresses only, not %s", listener.Addr())
	}
	return listener
}

// serveAdmin serves the admin API on its own listener, so that using it changes no count of the APIs,
// and returns its URL.
func serveAdmin(address string, server *sinchmock.Server) string {
	listener := listenLoopback(address)
	go func() { log.Fatal(http.Serve(listener, server.AdminHandler())) }()
	return "http://" + listener.Addr().String()
}
