package sinchmock

import (
	"net"
	"net/http"
)

// Request is one request the server received.
type Request struct {
	// API is the API whose listener received the request (TokenAPI for token requests).
	API    API
	Method string
	Path   string
	// Query is the request's raw query, such as update_mask=target.
	Query string
	// Token is the bearer token the request carried, empty for token requests and unauthenticated ones.
	Token     string
	UserAgent string
	// Body is the request's body, as received.
	Body string
	// Signed tells whether a Voice API request was signed as the API checks it (signature, Content-MD5,
	// timestamp), by the application whose URLs it reaches, whatever it was answered.
	Signed bool
}

// Counts sums the requests received by kind, whatever their answer.
type Counts struct {
	Token  int `json:"token"`
	Get    int `json:"get"`
	Post   int `json:"post"`
	Put    int `json:"put"`
	Patch  int `json:"patch"`
	Delete int `json:"delete"`
	Other  int `json:"other"`
}

// Sub returns what c counts beyond earlier: the requests made between two readings.
func (c Counts) Sub(earlier Counts) Counts {
	return Counts{Token: c.Token - earlier.Token, Get: c.Get - earlier.Get, Post: c.Post - earlier.Post, Put: c.Put - earlier.Put,
		Patch: c.Patch - earlier.Patch, Delete: c.Delete - earlier.Delete, Other: c.Other - earlier.Other}
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
		case r.Method == http.MethodPost:
			c.Post++
		case r.Method == http.MethodPut:
			c.Put++
		case r.Method == http.MethodPatch:
			c.Patch++
		case r.Method == http.MethodDelete:
			c.Delete++
		default:
			c.Other++
		}
	}
	return c
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
