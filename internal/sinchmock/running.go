package sinchmock

import (
	"net/http/httptest"
	"slices"
)

// Running is a Server listening on loopback ports, one per API.
type Running struct {
	*Server
	// URL is the Sender ID API's base URL, to use as the provider's api_url.
	URL string
	// BrandsURL and NumbersURL are the base URLs of the other APIs (brands_api_url, numbers_api_url).
	BrandsURL, NumbersURL string
	// ConversationURL is the Conversation API's base URL (conversation_api_url).
	ConversationURL string
	// TokenURL is the token endpoint, to use as the provider's token_url.
	TokenURL string
	http     []*httptest.Server
}

// Start serves a new server on loopback ports until Close.
func Start(opts Options) *Running {
	s := New(opts)
	r := &Running{Server: s}
	urls := map[API]string{}
	for _, api := range slices.Concat(APIs, []API{Conversation}) {
		ts := httptest.NewUnstartedServer(s.Handler(api))
		ts.Config.ConnState = s.ConnState
		ts.Start()
		r.http = append(r.http, ts)
		urls[api] = ts.URL
	}
	r.URL, r.BrandsURL, r.NumbersURL, r.ConversationURL = urls[SenderID], urls[Brands], urls[Numbers], urls[Conversation]
	r.TokenURL = r.URL + TokenPath
	return r
}

// URLOf is the base URL of an API.
func (r *Running) URLOf(api API) string {
	return map[API]string{SenderID: r.URL, Brands: r.BrandsURL, Numbers: r.NumbersURL, Conversation: r.ConversationURL}[api]
}

// Close stops the server.
func (r *Running) Close() {
	for _, ts := range r.http {
		ts.Close()
	}
}
