// Package sinchmock is an in-memory fake of Sinch's OAuth2 token endpoint and callback-configuration
// API, for tests and the demo. It follows the public description of the API, answers with Sinch's
// error bodies, and counts every request it serves.
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

// TokenPath is where the fake token endpoint listens, below the server's URL.
const TokenPath = "/oauth2/token"

// Options seed a server.
type Options struct {
	// KeyID and KeySecret form the one access key the token endpoint accepts.
	KeyID     string
	KeySecret string
	// TokenTTL is how long an access token lives; zero means an hour, as at Sinch.
	TokenTTL time.Duration
	// Projects maps the projects that exist to their HMAC secrets.
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
	Method string
	Path   string
	// Token is the bearer token the request carried, empty for token requests and unauthenticated ones.
	Token     string
	UserAgent string
}

// Counts sums the requests received by kind, whatever their answer.
type Counts struct {
	Token int `json:"token"`
	Get   int `json:"get"`
	Put   int `json:"put"`
	Other int `json:"other"`
}

// Sub returns what c counts beyond earlier: the requests made between two readings.
func (c Counts) Sub(earlier Counts) Counts {
	return Counts{Token: c.Token - earlier.Token, Get: c.Get - earlier.Get, Put: c.Put - earlier.Put, Other: c.Other - earlier.Other}
}

// Server is the fake API. Its methods are safe for concurrent use.
type Server struct {
	opts Options

	mu           sync.Mutex
	projects     map[string]string
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
		projects:     map[string]string{},
		tokens:       map[string]time.Time{},
		scripts:      map[scriptKey][]Fault{},
		tokenLimiter: newLimiter(opts.TokenRateLimit),
		apiLimiter:   newLimiter(opts.APIRateLimit),
		random:       newRandom(opts.Chaos),
	}
	for id, secret := range opts.Projects {
		s.projects[id] = secret
	}
	return s
}

// Running is a Server listening on a loopback port.
type Running struct {
	*Server
	// URL is the API's base URL, to use as the provider's api_url.
	URL string
	// TokenURL is the token endpoint, to use as the provider's token_url.
	TokenURL string
	http     *httptest.Server
}

// Start serves a new server on a loopback port until Close.
func Start(opts Options) *Running {
	s := New(opts)
	ts := httptest.NewUnstartedServer(s.Handler())
	ts.Config.ConnState = s.ConnState
	ts.Start()
	return &Running{Server: s, URL: ts.URL, TokenURL: ts.URL + TokenPath, http: ts}
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
func (r *Running) Close() { r.http.Close() }

// Handler serves the token endpoint and the callback-configuration API.
func (s *Server) Handler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("POST "+TokenPath, s.serveToken)
	mux.HandleFunc("GET /v1/projects/{projectId}/callback-configuration", s.authenticated(s.getCallbackConfiguration))
	mux.HandleFunc("PUT /v1/projects/{projectId}/callback-configuration", s.authenticated(s.putCallbackConfiguration))
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.record(r)
		// net/http notices that a client hung up only once the body has been read: read it first, so
		// that an abandoned request ends its delay at once.
		body, err := io.ReadAll(io.LimitReader(r.Body, 1<<20))
		if err != nil {
			return
		}
		r.Body = io.NopCloser(bytes.NewReader(body))
		if s.opts.Latency > 0 && !sleep(r, s.opts.Latency) {
			return
		}
		if fault, ok := s.nextFault(r); ok && s.serveFault(w, r, fault) {
			return
		}
		mux.ServeHTTP(w, r)
	})
}

func (s *Server) record(r *http.Request) {
	token, isBearer := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
	if !isBearer {
		token = ""
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.requests = append(s.requests, Request{Method: r.Method, Path: r.URL.Path, Token: token, UserAgent: r.UserAgent()})
}

// Requests returns every request received so far, oldest first.
func (s *Server) Requests() []Request {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Request(nil), s.requests...)
}

// Counts returns how many requests of each kind were received so far.
func (s *Server) Counts() Counts {
	var c Counts
	for _, r := range s.Requests() {
		switch {
		case r.Path == TokenPath:
			c.Token++
		case r.Method == http.MethodGet:
			c.Get++
		case r.Method == http.MethodPut:
			c.Put++
		default:
			c.Other++
		}
	}
	return c
}

// SetSecret creates the project if needed and sets its secret, as a change made outside Terraform would.
// An empty secret is a project with no secret set, whose GET answer has no hmacSecret.
func (s *Server) SetSecret(projectID, secret string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.projects[projectID] = secret
}

// Secret returns a project's current secret, and whether the project exists.
func (s *Server) Secret(projectID string) (string, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	secret, ok := s.projects[projectID]
	return secret, ok
}

// DeleteProject removes a project, as if it had been deleted at Sinch.
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
