package sinchmock

import (
	"net/http/httptest"
	"slices"
)

// Running is a Server listening on loopback ports, one per API.
type Running struct {
	*Server
	// URL is the base URL of the first API of the table (TokenAPI), whose listener serves the token
	// endpoint too; URLOf gives each API's.
	URL string
	// ConversationURL is the Conversation API's base URL (conversation_api_url) in the region "us";
	// URLOf(ConversationRegions[region]) is another region's.
	ConversationURL string
	// TokenURL is the token endpoint, to use as the provider's token_url.
	TokenURL string
	urls     map[API]string
	http     []*httptest.Server
}

// Start serves a new server on loopback ports until Close.
func Start(opts Options) *Running {
	s := New(opts)
	r := &Running{Server: s, urls: map[API]string{}}
	for _, api := range slices.Concat(APIs, []API{Conversation, ConversationEU, ConversationBR, Provisioning, Voice}) {
		ts := httptest.NewUnstartedServer(s.Handler(api))
		ts.Config.ConnState = s.ConnState
		ts.Start()
		r.http = append(r.http, ts)
		r.urls[api] = ts.URL
	}
	r.URL, r.ConversationURL = r.urls[TokenAPI], r.urls[Conversation]
	r.TokenURL = r.URL + TokenPath
	return r
}

// URLOf is the base URL of an API, such as URLOf(Provisioning).
func (r *Running) URLOf(api API) string {
	return r.urls[api]
}

// Close stops the server.
func (r *Running) Close() {
	for _, ts := range r.http {
		ts.Close()
	}
}
