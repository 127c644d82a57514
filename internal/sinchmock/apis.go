package sinchmock

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"maps"
	"net/http"
	"net/http/httptest"
	"strings"

	"github.com/terraform-sinch/terraform-provider-sinch/internal/sinchapi"
)

// TokenPath is where the fake token endpoint listens, below the URL of the first API (TokenAPI).
const TokenPath = "/oauth2/token"

// API is one of the APIs the mock serves, by its key in the table of sinchapi.CallbackAPIs (or
// Conversation, or Provisioning). Each keeps its own secret per project: a project's Numbers secret is
// not its Sender ID secret.
type API string

// The keys of some APIs of the table, for tests that name one.
const (
	SenderID API = "sender-id"
	Brands   API = "brands"
	Numbers  API = "numbers"
)

// APIs are the APIs with a callback configuration that the mock serves, one per value of the table; it
// serves Conversation and Provisioning too.
var APIs = func() []API {
	var apis []API
	for _, api := range sinchapi.CallbackAPIs {
		apis = append(apis, API(api.Key))
	}
	return apis
}()

// TokenAPI is the API whose listener also serves the token endpoint, whose tokens every API accepts.
var TokenAPI = APIs[0]

func (api API) callbackAPI() sinchapi.CallbackAPI {
	described, ok := sinchapi.ByKey(string(api))
	if !ok {
		panic(fmt.Sprintf("sinchmock: %q has no callback configuration", api))
	}
	return described
}

// Path is a project's callback configuration in the API.
func (api API) Path(projectID string) string {
	return strings.ReplaceAll(api.callbackAPI().Path, "{projectId}", projectID)
}

// UpdateMethod is the method that sets a secret in the API; the other one answers 405.
func (api API) UpdateMethod() string {
	return api.callbackAPI().UpdateMethod
}

// Handler serves an API: a callback configuration, with TokenAPI the token endpoint too, with
// Conversation the webhooks and apps, or with Provisioning its webhooks. A method the API does not have
// for a path it has gets 405.
func (s *Server) Handler(api API) http.Handler {
	mux := http.NewServeMux()
	switch api {
	case Conversation, ConversationEU, ConversationBR:
		s.webhooksHandler(mux, api)
		s.appsHandler(mux, api)
	case Provisioning:
		s.provisioningHandler(mux)
	case Voice:
		s.voiceHandler(mux)
	case TokenAPI:
		mux.HandleFunc("POST "+TokenPath, s.serveToken)
		fallthrough
	default:
		path := api.Path("{projectId}")
		mux.HandleFunc("GET "+path, s.authenticated(api, s.getCallbackConfiguration))
		mux.HandleFunc(api.UpdateMethod()+" "+path, s.authenticated(api, s.updateCallbackConfiguration))
		if api == Numbers {
			// Sinch serves a number's configuration at the same host as the Numbers API's callbacks.
			s.activeNumbersHandler(mux)
		}
	}
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
		fault, faulty := s.nextFault(api, r)
		if faulty && fault.After {
			// Handled, then the answer is lost, or changed, on the way back.
			handled := httptest.NewRecorder()
			mux.ServeHTTP(handled, r)
			if fault.Replace != nil {
				var answer map[string]any
				if json.Unmarshal(handled.Body.Bytes(), &answer) != nil || answer == nil {
					answer = map[string]any{} // an empty answer, such as a delete's
				}
				maps.Copy(answer, fault.Replace)
				writeJSON(w, handled.Code, answer)
				return
			}
		}
		if faulty && s.serveFault(api, w, r, fault) {
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
	signed := api == Voice && s.requestIsSigned(r, body)
	s.mu.Lock()
	defer s.mu.Unlock()
	s.requests = append(s.requests, Request{API: api, Method: r.Method, Path: r.URL.Path, Query: r.URL.RawQuery, Token: token,
		UserAgent: r.UserAgent(), Body: string(body), Signed: signed})
}
