package voice_test

import (
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/terraform-sinch/terraform-provider-sinch/internal/acctest"
	"github.com/terraform-sinch/terraform-provider-sinch/internal/sinchmock"
)

// verifyWithPython checks a Voice callback's signature as a handler in Python would, apart from the
// provider's Go: it prints "ok" when the Authorization header is the application's signature.
const verifyWithPython = `
import base64, hashlib, hmac, sys
secret, method, content_type, timestamp, path, body, authorization = sys.argv[1:8]
md5 = base64.b64encode(hashlib.md5(body.encode()).digest()).decode() if body else ""
signed = "\n".join([method, md5, content_type, "x-timestamp:" + timestamp, path]).encode()
signature = base64.b64encode(hmac.new(base64.b64decode(secret), signed, hashlib.sha256).digest()).decode()
print("ok" if hmac.compare_digest(authorization, "Application 5e4a6e6c-1b2d-4c3e-9f8a-7b6c5d4e3f2a:" + signature) else "refused")
`

// The function's example that forges a callback for a handler's tests, applied as it stands: the
// handler receives a callback whose signature a verifier in Python takes, signed at the time of the run.
func TestVoiceCallbackSignatureFunction_forgingACallback(t *testing.T) {
	var mu sync.Mutex
	var received []*http.Request
	var bodies []string
	handler := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		mu.Lock()
		defer mu.Unlock()
		received, bodies = append(received, r), append(bodies, string(body))
	}))
	defer handler.Close()
	r := acctest.NewCLIRun(t, voiceEnv(t, sinchmock.Options{}).Mock)
	example, err := os.ReadFile("../../../examples/functions/voice_callback_signature/forging-a-callback/main.tf")
	if err != nil {
		t.Fatal(err)
	}
	acctest.WriteFile(t, filepath.Join(r.Dir, "main.tf"), string(example))
	out := r.Run(true, []string{"TF_VAR_application_secret=" + appSecret, "TF_VAR_handler_url=" + handler.URL + "/sinch/voice?test=1"},
		"apply", "-input=false", "-auto-approve")
	if strings.Contains(out, appSecret) {
		t.Error("the apply printed the secret")
	}
	mu.Lock()
	defer mu.Unlock()
	if len(received) != 1 {
		t.Fatalf("the handler received %d callbacks, want one", len(received))
	}
	callback := received[0]
	stamp := callback.Header.Get("x-timestamp")
	if at, err := time.Parse(time.RFC3339, stamp); err != nil || time.Since(at).Abs() > 5*time.Minute {
		t.Errorf("x-timestamp %q is not the time of the run", stamp)
	}
	verdict, err := exec.Command("python3", "-c", verifyWithPython, appSecret, callback.Method, callback.Header.Get("Content-Type"),
		stamp, callback.URL.Path, bodies[0], callback.Header.Get("Authorization")).CombinedOutput()
	if err != nil || strings.TrimSpace(string(verdict)) != "ok" {
		t.Errorf("the verifier in Python says %s (%v) of %s %s with Authorization %q", verdict, err, callback.Method, callback.URL.Path,
			callback.Header.Get("Authorization"))
	}
}
