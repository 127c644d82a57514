package acctest

import (
	"crypto/rand"
	"io"
	"net/http"
	"net/http/httptest"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/terraform-sinch/terraform-provider-sinch/internal/provider/shared"
)

// CallbackHandler is a callback handler for the tests of the actions: an httptest server on 127.0.0.1
// that records the callbacks it gets (at /callbacks) and answers each as its Answer says. At /token it is
// also an OAuth2 token endpoint for one client, whose tokens the callbacks must carry when it is set.
type CallbackHandler struct {
	*httptest.Server
	// Answer is the status of a callback, given whether its signature is valid (see Verify).
	Answer func(signatureValid bool) int
	// Verify tells whether a callback's signature is valid.
	Verify func(r *http.Request, body []byte) bool
	// Client is the OAuth2 client whose tokens /token issues; when it is set, a callback without a token
	// it issued is refused with 401 (and its signature not looked at).
	Client *TokenClient

	mu        sync.Mutex
	callbacks []Callback
	tokens    []string
}

// TokenClient is an OAuth2 client of the handler's token endpoint.
type TokenClient struct {
	ID, Secret string
	// Form says that the client sends its ID and secret in the form (FORM), not with HTTP Basic (BASIC).
	Form bool
	// ExpiresIn is the expires_in of its tokens; zero means 3600.
	ExpiresIn int
}

// Callback is a callback the handler got, and what it answered.
type Callback struct {
	Header         http.Header
	Body           []byte
	SignatureValid bool
	Status         int
}

// ChecksSignatures accepts a callback with a valid signature (200) and refuses the others (401), as a
// handler should.
func ChecksSignatures(valid bool) int {
	if valid {
		return http.StatusOK
	}
	return http.StatusUnauthorized
}

// AcceptsEverything accepts every callback, as a handler that checks nothing does.
func AcceptsEverything(bool) int { return http.StatusOK }

// NewCallbackHandler starts a handler, closed at the end of the test.
func NewCallbackHandler(t *testing.T, verify func(r *http.Request, body []byte) bool, answer func(bool) int) *CallbackHandler {
	t.Helper()
	h := &CallbackHandler{Verify: verify, Answer: answer}
	mux := http.NewServeMux()
	mux.HandleFunc("POST /callbacks", h.serveCallback)
	mux.HandleFunc("POST /token", h.serveToken)
	h.Server = httptest.NewServer(mux)
	t.Cleanup(h.Close)
	return h
}

// CallbackURL is where the handler takes callbacks; TokenURL is its token endpoint.
func (h *CallbackHandler) CallbackURL() string { return h.URL + "/callbacks" }
func (h *CallbackHandler) TokenURL() string    { return h.URL + "/token" }

// Callbacks are the callbacks the handler got, in order.
func (h *CallbackHandler) Callbacks() []Callback {
	h.mu.Lock()
	defer h.mu.Unlock()
	return append([]Callback(nil), h.callbacks...)
}

// Tokens are the tokens the handler issued.
func (h *CallbackHandler) Tokens() []string {
	h.mu.Lock()
	defer h.mu.Unlock()
	return append([]string(nil), h.tokens...)
}

func (h *CallbackHandler) serveCallback(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	got := Callback{Header: r.Header.Clone(), Body: body}
	h.mu.Lock()
	defer h.mu.Unlock()
	switch {
	case h.Client != nil && !h.issued(strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer ")):
		got.Status = http.StatusUnauthorized
	default:
		got.SignatureValid = h.Verify(r, body)
		got.Status = h.Answer(got.SignatureValid)
	}
	h.callbacks = append(h.callbacks, got)
	w.WriteHeader(got.Status)
}

func (h *CallbackHandler) issued(token string) bool { return slices.Contains(h.tokens, token) }

func (h *CallbackHandler) serveToken(w http.ResponseWriter, r *http.Request) {
	c := h.Client
	id, secret, basic := r.BasicAuth()
	if c != nil && c.Form {
		id, secret, basic = r.PostFormValue("client_id"), r.PostFormValue("client_secret"), false
	}
	if c == nil || basic == c.Form || id != c.ID || secret != c.Secret || r.PostFormValue("grant_type") != "client_credentials" {
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusUnauthorized)
		_, _ = io.WriteString(w, `{"error":"invalid_client"}`)
		return
	}
	token := "issued-token-" + rand.Text()
	h.mu.Lock()
	h.tokens = append(h.tokens, token)
	h.mu.Unlock()
	expiresIn := c.ExpiresIn
	if expiresIn == 0 {
		expiresIn = 3600
	}
	w.Header().Set("Content-Type", "application/json")
	_, _ = io.WriteString(w, `{"access_token":"`+token+`","token_type":"Bearer","expires_in":`+strconv.Itoa(expiresIn)+`}`)
}

// VerifyWebhookSignature checks a Conversation API webhook's signature with the secret.
func VerifyWebhookSignature(secret string) func(*http.Request, []byte) bool {
	return func(r *http.Request, body []byte) bool {
		want := shared.WebhookSignature(secret, body, r.Header.Get("x-sinch-webhook-signature-nonce"),
			r.Header.Get("x-sinch-webhook-signature-timestamp"))
		return r.Header.Get("x-sinch-webhook-signature-algorithm") == "HmacSHA256" && r.Header.Get("x-sinch-webhook-signature") == want
	}
}

// VerifyCallbackSignature checks an X-Sinch-Signature with the secret.
func VerifyCallbackSignature(secret string) func(*http.Request, []byte) bool {
	return func(r *http.Request, body []byte) bool {
		return r.Header.Get("X-Sinch-Signature") == shared.CallbackSignature(secret, body)
	}
}

// ExpectAnswers fails the test unless the handler answered these statuses, in order, and returns the
// callbacks.
func (h *CallbackHandler) ExpectAnswers(t *testing.T, want ...int) []Callback {
	t.Helper()
	callbacks := h.Callbacks()
	got := make([]int, len(callbacks))
	for i, c := range callbacks {
		got[i] = c.Status
	}
	if !slices.Equal(got, want) {
		t.Fatalf("the handler answered %v, want %v", got, want)
	}
	return callbacks
}
