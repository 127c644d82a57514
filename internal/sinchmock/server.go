// Package sinchmock is an in-memory fake of Sinch's OAuth2 token endpoint and of the callback
// configurations of three APIs (Sender ID Registrations, Brands, Numbers), for tests and the demo. It
// follows the public description of the APIs, answers with Sinch's error bodies, serves each API on a
// listener of its own (as each has a host of its own at Sinch), and counts every request it serves.
package sinchmock

import (
	"bytes"
	crand "crypto/rand"
	"encoding/hex"
	"io"
	"math/rand/v2"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"time"

	"golang.org/x/time/rate"
)

// TokenPath is where the fake token endpoint listens, below the URL of the Sender ID API.
const TokenPath = "/oauth2/token"

// API is one of the APIs the mock serves. Each keeps its own secret per project: a project's Numbers
// secret is not its Sender ID secret.
type API string

// The APIs the mock serves, with their callback-configuration calls.
const (
	// SenderID is the Sender ID Registrations API: GET and PUT /v1/projects/{projectId}/callback-configuration.
	// Its listener also serves the token endpoint, whose tokens every API accepts.
	SenderID API = "sender-id"
	// Brands is the Brands API: the same calls, on a host of its own.
	Brands API = "brands"
	// Numbers is the Numbers API: GET and PATCH /v1/projects/{projectId}/callbackConfiguration.
	Numbers API = "numbers"
)

// APIs lists the APIs the mock serves.
var APIs = []API{SenderID, Brands, Numbers}

// Path is a project's callback configuration in the API.
func (api API) Path(projectID string) string {
	if api == Numbers {
		return "/v1/projects/" + projectID + "/callbackConfiguration"
	}
	return "/v1/projects/" + projectID + "/callback-configuration"
}

// UpdateMethod is the method that sets a secret in the API; the other one answers 405.
func (api API) UpdateMethod() string {
	if api == Numbers {
		return http.MethodPatch
	}
	return http.MethodPut
}

// Options seed a server.
type Options struct {
	// KeyID and KeySecret form the one access key the token endpoint accepts.
	KeyID     string
	KeySecret string
	// TokenTTL is how long an access token lives; zero means an hour, as at Sinch.
	TokenTTL time.Duration
	// Projects maps the projects that exist to the HMAC secret each API starts with.
	Projects map[string]string
	// Latency is added to every answer, as a network and a real API would.
	Latency time.Duration
	// TokenRateLimit and APIRateLimit, when set, answer 429 to requests beyond them.
	TokenRateLimit, APIRateLimit *RateLimit
	// Chaos, when set, answers a random share of requests with an error.
	Chaos *Chaos
}

// Request is one request the server received.
type Request struct {
	// API is the API whose listener received the request (SenderID for token requests).
	API    API
	Method string
	Path   string
	// Token is the bearer token the request carried, empty for token requests and unauthenticated ones.
	Token     string
	UserAgent string
	// Body is the request's body, as received.
	Body string
}

// Counts sums the requests received by kind, whatever their answer.
type Counts struct {
	Token int `json:"token"`
	Get   int `json:"get"`
	Put   int `json:"put"`
	Patch int `json:"patch"`
	Other int `json:"other"`
}

// Sub returns what c counts beyond earlier: the requests made between two readings.
func (c Counts) Sub(earlier Counts) Counts {
	return Counts{Token: c.Token - earlier.Token, Get: c.Get - earlier.Get, Put: c.Put - earlier.Put,
		Patch: c.Patch - earlier.Patch, Other: c.Other - earlier.Other}
}

// Server is the fake API. Its methods are safe for concurrent use.
type Server struct {
	opts Options

	mu sync.Mutex
	// projects maps the projects that exist to their secret in each API; "" is no secret set.
	projects     map[string]map[API]string
	tokens       map[string]time.Time // access token → expiry
	requests     []Request
	scripts      map[scriptKey][]Fault
	connections  int
	tokenLimiter *rate.Limiter
	apiLimiter   *rate.Limiter
	random       *rand.Rand
}

// New returns a server that is not listening yet; serve its Handler, or use Start.
func New(opts Options) *Server {
	if opts.TokenTTL == 0 {
		opts.TokenTTL = time.Hour
	}
	s := &Server{
		opts:         opts,
		projects:     map[string]map[API]string{},
		tokens:       map[string]time.Time{},
		scripts:      map[scriptKey][]Fault{},
		tokenLimiter: newLimiter(opts.TokenRateLimit),
		apiLimiter:   newLimiter(opts.APIRateLimit),
		random:       newRandom(opts.Chaos),
	}
	for id, secret := range opts.Projects {
		s.projects[id] = map[API]string{}
		for _, api := range APIs {
			s.projects[id][api] = secret
		}
	}
	return s
}

// Running is a Server listening on loopback ports, one per API.
type Running struct {
	*Server
	// URL is the Sender ID API's base URL, to use as the provider's api_url.
	URL string
	// BrandsURL and NumbersURL are the base URLs of the other APIs (brands_api_url, numbers_api_url).
	BrandsURL, NumbersURL string
	// TokenURL is the token endpoint, to use as the provider's token_url.
	TokenURL string
	http     []*httptest.Server
}

// Start serves a new server on loopback ports until Close.
func Start(opts Options) *Running {
	s := New(opts)
	r := &Running{Server: s}
	urls := map[API]string{}
	for _, api := range APIs {
		ts := httptest.NewUnstartedServer(s.Handler(api))
		ts.Config.ConnState = s.ConnState
		ts.Start()
		r.http = append(r.http, ts)
		urls[api] = ts.URL
	}
	r.URL, r.BrandsURL, r.NumbersURL = urls[SenderID], urls[Brands], urls[Numbers]
	r.TokenURL = r.URL + TokenPath
	return r
}

// URLOf is the base URL of an API.
func (r *Running) URLOf(api API) string {
	return map[API]string{SenderID: r.URL, Brands: r.BrandsURL, Numbers: r.NumbersURL}[api]
}

// ConnState counts the connections clients open; serve with it as http.Server's ConnState.
func (s *Server) ConnState(_ net.Conn, state http.ConnState) {
	if state == http.StateNew {
		s.mu.Lock()
		s.connections++
		s.mu.Unlock()
	}
}

// ConnectionsOpened returns how many connections clients have opened.
func (s *Server) ConnectionsOpened() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.connections
}

// Stats sums what the server saw, for the standalone mock's admin endpoint.
type Stats struct {
	Counts
	TokensIssued int `json:"tokens_issued"`
	Connections  int `json:"connections"`
}

// Stats returns the counts so far.
func (s *Server) Stats() Stats {
	return Stats{Counts: s.Counts(), TokensIssued: s.TokensIssued(), Connections: s.ConnectionsOpened()}
}

// Close stops the server.
func (r *Running) Close() {
	for _, ts := range r.http {
		ts.Close()
	}
}

// Handler serves an API's callback configuration, and with SenderID the token endpoint too. A method
// the API does not have for a path it has gets 405.
func (s *Server) Handler(api API) http.Handler {
	mux := http.NewServeMux()
	if api == SenderID {
		mux.HandleFunc("POST "+TokenPath, s.serveToken)
	}
	path := api.Path("{projectId}")
	mux.HandleFunc("GET "+path, s.authenticated(api, s.getCallbackConfiguration))
	mux.HandleFunc(api.UpdateMethod()+" "+path, s.authenticated(api, s.updateCallbackConfiguration))
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		// net/http notices that a client hung up only once the body has been read: read it first, so
		// that an abandoned request ends its delay at once.
		body, err := io.ReadAll(io.LimitReader(r.Body, 1<<20))
		s.record(api, r, body)
		if err != nil {
			return
		}
		r.Body = io.NopCloser(bytes.NewReader(body))
		if s.opts.Latency > 0 && !sleep(r, s.opts.Latency) {
			return
		}
		if fault, ok := s.nextFault(api, r); ok && s.serveFault(w, r, fault) {
			return
		}
		mux.ServeHTTP(w, r)
	})
}

func (s *Server) record(api API, r *http.Request, body []byte) {
	token, isBearer := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
	if !isBearer {
		token = ""
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.requests = append(s.requests, Request{API: api, Method: r.Method, Path: r.URL.Path, Token: token,
		UserAgent: r.UserAgent(), Body: string(body)})
}

// Requests returns every request received so far, oldest first.
func (s *Server) Requests() []Request {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Request(nil), s.requests...)
}

// Counts returns how many requests of each kind were received so far, by every API.
func (s *Server) Counts() Counts {
	return s.count(func(Request) bool { return true })
}

// CountsOf returns how many requests an API received so far; token requests are not the API's.
func (s *Server) CountsOf(api API) Counts {
	return s.count(func(r Request) bool { return r.API == api && r.Path != TokenPath })
}

func (s *Server) count(include func(Request) bool) Counts {
	var c Counts
	for _, r := range s.Requests() {
		switch {
		case !include(r):
		case r.Path == TokenPath:
			c.Token++
		case r.Method == http.MethodGet:
			c.Get++
		case r.Method == http.MethodPut:
			c.Put++
		case r.Method == http.MethodPatch:
			c.Patch++
		default:
			c.Other++
		}
	}
	return c
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

// DeleteProject removes a project, from every API, as if it had been deleted at Sinch.
func (s *Server) DeleteProject(projectID string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.projects, projectID)
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
