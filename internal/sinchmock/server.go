// Package sinchmock is an in-memory fake of Sinch's OAuth2 token endpoint, of the callback
// configurations of the APIs of the table (sinchapi.CallbackAPIs), of the Conversation API's webhooks
// and apps' callback settings, and of the Provisioning API's webhooks, for tests and the demo. It follows the public description of the APIs, answers with Sinch's
// error bodies, serves each API on a listener of its own (as each has a host of its own at Sinch), and
// counts every request it serves.
//
// It serves the Voice API's application callback URLs (voice.go) and the Numbers API's active numbers
// (numbers.go) too.
package sinchmock

import (
	crand "crypto/rand"
	"encoding/hex"
	"fmt"
	"math/rand/v2"
	"net/http"
	"sync"
	"time"

	"golang.org/x/time/rate"
)

// Options seed a server.
type Options struct {
	// KeyID and KeySecret form the one access key the token endpoint accepts.
	KeyID     string
	KeySecret string
	// TokenTTL is how long an access token lives; zero means an hour, as at Sinch.
	TokenTTL time.Duration
	// Projects maps the projects that exist to the HMAC secret each API starts with.
	Projects map[string]string
	// Apps maps the Conversation API apps that exist to their project, which exists too.
	Apps map[string]string
	// AppRegions maps an app to the region it lives in ("us", "eu" or "br"); "us" when it names none.
	AppRegions map[string]string
	// HideWebhookSecrets leaves a webhook's secret and client secret out of the answers that describe
	// it: Sinch does not document whether it answers them.
	HideWebhookSecrets bool
	// HideAppSecrets leaves an app's secret_for_overridden_callback_urls out of the answers that describe
	// the app: Sinch does not document whether it answers it.
	HideAppSecrets bool
	// ProvisioningPageSize is the page size of a Provisioning API list that sends no pageSize, and the
	// most a page holds when it sends a larger one, from 1 to MaxProvisioningPageSize; zero means
	// MaxProvisioningPageSize.
	ProvisioningPageSize int
	// ProvisioningDuplicateTarget, when set, words the Provisioning API's refusal of a target that another
	// webhook of the project has (its fields that are set replace the mock's: status, errorCode, message,
	// resolution; its additionalInformation always does), so that a test can check that a client depends
	// on no one wording.
	ProvisioningDuplicateTarget *ProvisioningError
	// ProvisioningDeleteStatus is the status of a Provisioning API webhook's delete, 200 or 204 (Sinch
	// documents both); zero means 204.
	ProvisioningDeleteStatus int
	// VoiceApps are the Voice API applications that exist, by application key.
	VoiceApps map[string]VoiceApp
	// VoiceTimestampWindow is how far a signed Voice API request's x-timestamp may be from the mock's
	// clock, either way; zero is DefaultVoiceTimestampWindow.
	VoiceTimestampWindow time.Duration
	// VoiceKeepOmittedFallback makes a POST of a Voice application's URLs without fallback keep the
	// fallback it has, where by default it clears it: Sinch does not document which.
	VoiceKeepOmittedFallback bool
	// ActiveNumbers are the numbers each project has rented, by project (which exists too); their
	// scheduled provisioning, if any, is ignored.
	ActiveNumbers map[string][]ActiveNumber
	// NumberProvisioningTime is how long a number's SMS or voice provisioning takes (WAITING for the first
	// half, then IN_PROGRESS); zero applies a change at once.
	NumberProvisioningTime time.Duration
	// ActiveNumbersPageSize is the page size of a list of active numbers that asks for none; zero is
	// DefaultActiveNumbersPageSize.
	ActiveNumbersPageSize int
	// Now is the clock of what takes time at Sinch (provisioning, the age of a Voice API signature);
	// nil is time.Now.
	Now func() time.Time
	// Latency is added to every answer, as a network and a real API would.
	Latency time.Duration
	// TokenRateLimit and APIRateLimit, when set, answer 429 to requests beyond them.
	TokenRateLimit, APIRateLimit *RateLimit
	// Chaos, when set, answers a random share of requests with an error.
	Chaos *Chaos
}

// Server is the fake API. Its methods are safe for concurrent use.
type Server struct {
	opts Options

	mu sync.Mutex
	// projects maps the projects that exist to their secret in each API; "" is no secret set.
	projects     map[string]map[API]string
	apps         map[string]*App // Conversation apps by ID
	webhooks     map[string]*Webhook
	webhookOrder []string // webhook IDs, oldest first
	// provisioningWebhooks are the Provisioning API's webhooks by ID, and provisioningPageTokens the page
	// tokens its lists answered.
	provisioningWebhooks   map[string]*ProvisioningWebhook
	provisioningPageTokens map[string]provisioningCursor
	tokens                 map[string]time.Time // access token → expiry
	requests               []Request
	scripts                map[scriptKey][]Fault
	connections            int
	tokenLimiter           *rate.Limiter
	apiLimiter             *rate.Limiter
	random                 *rand.Rand

	voiceApps     map[string]*voiceApp
	activeNumbers map[string]map[string]*activeNumber // project → phone number → its number
}

// New returns a server that is not listening yet; serve its Handler, or use Start.
func New(opts Options) *Server {
	if opts.TokenTTL == 0 {
		opts.TokenTTL = time.Hour
	}
	if opts.ProvisioningPageSize == 0 {
		opts.ProvisioningPageSize = MaxProvisioningPageSize
	}
	if opts.ProvisioningPageSize < 1 || opts.ProvisioningPageSize > MaxProvisioningPageSize {
		panic(fmt.Sprintf("sinchmock: ProvisioningPageSize %d is not from 1 to %d", opts.ProvisioningPageSize, MaxProvisioningPageSize))
	}
	if opts.ProvisioningDeleteStatus == 0 {
		opts.ProvisioningDeleteStatus = http.StatusNoContent
	}
	s := &Server{
		opts:                   opts,
		projects:               map[string]map[API]string{},
		apps:                   map[string]*App{},
		webhooks:               map[string]*Webhook{},
		provisioningWebhooks:   map[string]*ProvisioningWebhook{},
		provisioningPageTokens: map[string]provisioningCursor{},
		tokens:                 map[string]time.Time{},
		scripts:                map[scriptKey][]Fault{},
		tokenLimiter:           newLimiter(opts.TokenRateLimit),
		apiLimiter:             newLimiter(opts.APIRateLimit),
		random:                 newRandom(opts.Chaos),
	}
	for id, secret := range opts.Projects {
		s.projects[id] = map[API]string{}
		for _, api := range APIs {
			s.projects[id][api] = secret
		}
	}
	for app, project := range opts.Apps {
		if s.projects[project] == nil {
			s.projects[project] = map[API]string{}
		}
		s.apps[app] = newApp(app, project)
	}
	for key, app := range opts.VoiceApps {
		s.AddVoiceApp(key, app)
	}
	for project, numbers := range opts.ActiveNumbers {
		for _, number := range numbers {
			s.AddActiveNumber(project, number)
		}
	}
	return s
}

// SetSecret sets a project's secret in one API, as a change made outside Terraform would, and creates
// the project if needed (with no secret set in the other APIs). An empty secret is no secret set, whose
// GET answer has no hmacSecret.
func (s *Server) SetSecret(api API, projectID, secret string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.projects[projectID] == nil {
		s.projects[projectID] = map[API]string{}
	}
	s.projects[projectID][api] = secret
}

// Secret returns a project's current secret in one API, and whether the project exists.
func (s *Server) Secret(api API, projectID string) (string, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	secrets, ok := s.projects[projectID]
	return secrets[api], ok
}

// DeleteProject removes a project, from every API, as if it had been deleted at Sinch; its Provisioning
// API webhooks go with it.
func (s *Server) DeleteProject(projectID string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.projects, projectID)
	for id, hook := range s.provisioningWebhooks {
		if hook.ProjectID == projectID {
			delete(s.provisioningWebhooks, id)
		}
	}
}

// TokensIssued returns how many access tokens the token endpoint has issued.
func (s *Server) TokensIssued() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.tokens)
}

// ExpireTokens makes every access token issued so far expired.
func (s *Server) ExpireTokens() {
	s.mu.Lock()
	defer s.mu.Unlock()
	for token := range s.tokens {
		s.tokens[token] = time.Time{}
	}
}

func newToken() string {
	b := make([]byte, 24)
	_, _ = crand.Read(b)
	return hex.EncodeToString(b)
}
