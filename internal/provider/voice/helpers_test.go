package voice_test

import (
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/terraform-sinch/terraform-provider-sinch/internal/acctest"
	"github.com/terraform-sinch/terraform-provider-sinch/internal/sinchmock"
)

// The Voice applications of the tests, with their secrets in base64 as Sinch's dashboard gives them: app
// has URLs set in the dashboard, other has none, and unknown is a key Sinch does not know.
const (
	appKey, appSecret     = "5e4a6e6c-1b2d-4c3e-9f8a-7b6c5d4e3f2a", "JcmhLNmZlECkyBBTE+uVVw=="
	otherKey, otherSecret = "0f1e2d3c-4b5a-4968-8776-655443322110", "b3RoZXItYXBwbGljYXRpb24tc2VjcmV0"
	unknownKey            = "11111111-2222-4333-8444-555555555555"
	testCallbacks         = "sinch_voice_application_callbacks.test"
)

// dashboardURLs are the URLs app has before the tests change them.
var dashboardURLs = sinchmock.VoiceURLs{Primary: "https://dashboard.example/ice", Fallback: "https://dashboard.example/fallback"}

// voiceEnv is a mock with the tests' Voice applications, with the changes opts makes to the usual
// options, and a provider that talks to it, in an environment without an application of its own.
func voiceEnv(t *testing.T, opts sinchmock.Options) *acctest.TestEnv {
	t.Helper()
	// A Voice application of the developer's own (sinch-mock's, after make dev) is not the tests'.
	t.Setenv("SINCH_APPLICATION_KEY", "")
	t.Setenv("SINCH_APPLICATION_SECRET", "")
	opts.KeyID, opts.KeySecret = acctest.TestKeyID, acctest.TestKeySecret
	opts.VoiceApps = map[string]sinchmock.VoiceApp{appKey: {Secret: appSecret, URLs: dashboardURLs}, otherKey: {Secret: otherSecret}}
	mock := sinchmock.Start(opts)
	t.Cleanup(mock.Close)
	return acctest.NewTestEnvFor(mock)
}

// config is a provider block that points at the mock with the secrets of both applications, and hcl.
func config(env *acctest.TestEnv, hcl string) string {
	return env.ConfigWith(acctest.VoiceApplications(map[string]string{appKey: appSecret, otherKey: otherSecret}), hcl)
}

// callbacksHCL is sinch_voice_application_callbacks.test of an application with its URLs; no fallback
// when fallback is empty.
func callbacksHCL(key, primary, fallback string) string {
	if fallback != "" {
		fallback = fmt.Sprintf("\n  fallback_url    = %q", fallback)
	}
	return fmt.Sprintf(`
resource "sinch_voice_application_callbacks" "test" {
  application_key = %q
  primary_url     = %q%s
}
`, key, primary, fallback)
}

// expectAppURLs checks the URLs that app has at the mock.
func expectAppURLs(env *acctest.TestEnv, want sinchmock.VoiceURLs) error {
	if got, _ := env.Mock.VoiceURLs(appKey); got != want {
		return fmt.Errorf("application %s has %+v at Sinch, want %+v", appKey, got, want)
	}
	return nil
}

// expectEverySigned fails unless the mock received Voice API requests, each of them signed by the
// application whose URLs it reached (but those of unknownKey), and no request for an access token; every
// POST sent both URLs.
func expectEverySigned(t *testing.T, mock *sinchmock.Running) {
	t.Helper()
	voice := 0
	for _, r := range mock.Requests() {
		switch {
		case r.Path == sinchmock.VoiceCallbacksPath+unknownKey:
			// Signed with a key Sinch does not know, which the mock cannot check.
		case r.API != sinchmock.Voice:
			t.Errorf("a request to another API: %s %s", r.Method, r.Path)
		case !r.Signed || r.Token != "":
			t.Errorf("%s %s was not signed as the Voice API checks it (or carried a token)", r.Method, r.Path)
		case r.Method == http.MethodPost && (!strings.Contains(r.Body, `"primary":`) || !strings.Contains(r.Body, `"fallback":`)):
			t.Errorf("a POST without both URLs: %s", r.Body)
		}
		if r.API == sinchmock.Voice {
			voice++
		}
	}
	if voice == 0 {
		t.Error("the Voice API received no request: the check proves nothing")
	}
}
