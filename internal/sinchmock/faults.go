package sinchmock

import (
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"time"

	"golang.org/x/time/rate"
)

// Fault replaces the normal answer to one request.
type Fault struct {
	// Status is the HTTP status to answer with; 0 answers normally, after Delay.
	Status int
	// Header holds headers of the answer, such as Retry-After.
	Header map[string]string
	// Body is the raw body of the answer; empty with a Status, it is the API's error body for that status
	// (the Provisioning API's shape on its listener, Sinch's RestError on the others).
	Body string
	// Delay is how long to wait before answering or dropping. When the client gives up first, the
	// request has no effect.
	Delay time.Duration
	// Drop closes the connection without an answer.
	Drop bool
	// Location, with a 3xx Status, makes the answer a redirect there, with no body.
	Location string
	// Echo, with a Status, makes the answer the API's error body for that status, whose message and
	// details quote the request's Authorization header and body (see the function Echo).
	Echo bool
	// After makes the server handle the request first, as normally, and then answer with the fault (its
	// status, or a dropped connection): an answer lost on its way back, after the change was made.
	After bool
	// Replace, with After, answers what the server answered with these fields of its JSON object
	// replaced: an answer changed on its way back.
	Replace map[string]any
}

// Lost answers with status, or drops the connection when status is 0, once the request has been
// handled: a create that was made, whose answer is lost.
func Lost(status int) Fault {
	return Fault{Status: status, Drop: status == 0, After: true}
}

// Redirect answers with status (a 3xx) and a Location header, as a misrouted URL or a proxy would;
// Sinch's API itself never redirects.
func Redirect(status int, location string) Fault {
	return Fault{Status: status, Location: location}
}

// Echo answers with status and Sinch's error body, quoting what the request carried (its Authorization
// header, with the access token, and its body, with the secret), as an API that quotes what it refused or
// a debugging proxy would. On the Provisioning API's listener the body has that API's shape: the message
// quotes the Authorization header, the resolution the body as a string, and additionalInformation both,
// with the body's JSON as an object too (request).
func Echo(status int) Fault {
	return Fault{Status: status, Echo: true}
}

// NotSinch answers with status and an HTML page, as a web server, gateway or proxy in front of the
// wrong URL would: not Sinch's JSON error.
func NotSinch(status int) Fault {
	text := fmt.Sprintf("%d %s", status, http.StatusText(status))
	return Fault{Status: status, Header: map[string]string{"Content-Type": "text/html"},
		Body: "<html><head><title>" + text + "</title></head><body><center><h1>" + text + "</h1></center><hr><center>nginx</center></body></html>"}
}

// Answer answers 200 with a JSON object of exactly these fields, without touching the project: an
// answer that names another secret than the one sent, or none, or a null one.
func Answer(fields map[string]any) Fault {
	body, err := json.Marshal(fields)
	if err != nil {
		panic(err)
	}
	return Fault{Status: http.StatusOK, Header: map[string]string{"Content-Type": "application/json"}, Body: string(body)}
}

// RateLimit is a token bucket: Burst requests at once, refilled at PerSecond. A request that finds it
// empty gets 429 without Retry-After, as Sinch's token endpoint answers.
type RateLimit struct {
	Burst     int
	PerSecond float64
}

// Chaos answers a random share of requests (token requests included) with one of Statuses.
type Chaos struct {
	Probability float64
	Statuses    []int
	Seed        uint64
}

type scriptKey struct {
	api          API
	method, path string
}

// Script makes the next requests to an API with this method and path answer with the faults, one
// request each, in order; later requests are answered normally. Scripts add up.
func (s *Server) Script(api API, method, path string, faults ...Fault) {
	s.mu.Lock()
	defer s.mu.Unlock()
	key := scriptKey{api, method, path}
	s.scripts[key] = append(s.scripts[key], faults...)
}

// ScriptToken makes the next token requests answer with the faults, as Script does.
func (s *Server) ScriptToken(faults ...Fault) {
	s.Script(TokenAPI, http.MethodPost, TokenPath, faults...)
}

// nextFault returns the fault that replaces the answer to r, if any: a scripted one first, then the
// rate limits, then chaos.
func (s *Server) nextFault(api API, r *http.Request) (Fault, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	key := scriptKey{api, r.Method, r.URL.Path}
	if queue := s.scripts[key]; len(queue) > 0 {
		s.scripts[key] = queue[1:]
		return queue[0], true
	}
	limiter := s.apiLimiter
	if r.URL.Path == TokenPath {
		limiter = s.tokenLimiter
	}
	if limiter != nil && !limiter.Allow() {
		return Fault{Status: http.StatusTooManyRequests}, true
	}
	if c := s.opts.Chaos; c != nil && len(c.Statuses) > 0 && s.random.Float64() < c.Probability {
		return Fault{Status: c.Statuses[s.random.IntN(len(c.Statuses))]}, true
	}
	return Fault{}, false
}

// serveFault answers with f, in the error shape of the API (api) when it makes the body, and tells
// whether the request was answered (or dropped) by it.
func (s *Server) serveFault(api API, w http.ResponseWriter, r *http.Request, f Fault) bool {
	if f.Delay > 0 && !sleep(r, f.Delay) {
		return true
	}
	switch {
	case f.Drop:
		if hijacker, ok := w.(http.Hijacker); ok {
			if conn, _, err := hijacker.Hijack(); err == nil {
				_ = conn.Close()
				return true
			}
		}
		panic(http.ErrAbortHandler) // net/http's way to abort a response
	case f.Status == 0:
		return false
	}
	for name, value := range f.Header {
		w.Header().Set(name, value)
	}
	if f.Location != "" {
		w.Header().Set("Location", f.Location)
		w.WriteHeader(f.Status)
		return true
	}
	switch {
	case f.Echo && api == Provisioning:
		writeProvisioningEcho(w, r, f.Status, r.Header.Get("Authorization"), requestBody(r))
		return true
	case f.Echo:
		authorization, body := r.Header.Get("Authorization"), requestBody(r)
		writeError(w, f.Status, sinchStatus(f.Status), fmt.Sprintf("Refused %s %s with Authorization: %s", r.Method, r.URL.Path, authorization),
			detail{"type": "BadRequest", "fieldViolations": []map[string]string{{"field": "body", "description": "refused " + body}}},
			detail{"type": "ResourceInfo", "resourceType": "Request", "resourceName": authorization, "description": body})
		return true
	case f.Body == "":
		writeErrorOf(api, w, f.Status, sinchStatus(f.Status), fmt.Sprintf("Scripted answer %d", f.Status))
		return true
	}
	w.WriteHeader(f.Status)
	_, _ = fmt.Fprint(w, f.Body)
	return true
}

// requestBody is the body of a request whose body the handler has read already (see Server.Handler).
func requestBody(r *http.Request) string {
	body, _ := io.ReadAll(r.Body)
	return string(body)
}

// sleep waits d, and tells whether the request is still there afterwards.
func sleep(r *http.Request, d time.Duration) bool {
	timer := time.NewTimer(d)
	defer timer.Stop()
	select {
	case <-timer.C:
		return true
	case <-r.Context().Done():
		return false
	}
}

// sinchStatus is the error.status Sinch would give with an HTTP status.
func sinchStatus(code int) string {
	switch code {
	case http.StatusBadRequest:
		return "INVALID_ARGUMENT"
	case http.StatusUnauthorized, http.StatusForbidden:
		return "UNAUTHENTICATED"
	case http.StatusNotFound:
		return "NOT_FOUND"
	default:
		return "UNKNOWN"
	}
}

func newLimiter(l *RateLimit) *rate.Limiter {
	if l == nil {
		return nil
	}
	return rate.NewLimiter(rate.Limit(l.PerSecond), l.Burst)
}

func newRandom(c *Chaos) *rand.Rand {
	var seed uint64
	if c != nil {
		seed = c.Seed
	}
	return rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
}
