package sinchmock_test

import (
	"context"
	"errors"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/terraform-sinch/terraform-provider-sinch/internal/sinchmock"
)

const configPath = "/v1/projects/p1/callback-configuration"

func TestScript_answersInOrderThenNormally(t *testing.T) {
	mock := start(t)
	bearer := token(t, mock)
	mock.Script(sinchmock.SenderID, http.MethodPut, configPath,
		sinchmock.Fault{Status: 503, Header: map[string]string{"Retry-After": "7"}},
		sinchmock.Fault{Status: 502, Body: "<html>Bad Gateway</html>"},
	)
	resp, body := call(t, mock, http.MethodPut, "p1", bearer, `{"hmacSecret":"s2"}`)
	if status, _ := sinchError(t, body); resp.StatusCode != 503 || status != "UNKNOWN" || resp.Header.Get("Retry-After") != "7" {
		t.Errorf("first: HTTP %d %v %v", resp.StatusCode, resp.Header, body)
	}
	req, _ := http.NewRequest(http.MethodPut, mock.URL+configPath, strings.NewReader(`{"hmacSecret":"s2"}`))
	req.Header.Set("Authorization", "Bearer "+bearer)
	raw, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	html, _ := io.ReadAll(raw.Body)
	raw.Body.Close()
	if raw.StatusCode != 502 || string(html) != "<html>Bad Gateway</html>" {
		t.Errorf("second: HTTP %d %q", raw.StatusCode, html)
	}
	if s, _ := mock.Secret(sinchmock.SenderID, "p1"); s != "s1" {
		t.Errorf("a faulted PUT changed the secret to %q", s)
	}
	if resp, _ := call(t, mock, http.MethodPut, "p1", bearer, `{"hmacSecret":"s3"}`); resp.StatusCode != 200 {
		t.Errorf("third: HTTP %d", resp.StatusCode)
	}
	if resp, _ := call(t, mock, http.MethodGet, "p1", bearer, ""); resp.StatusCode != 200 {
		t.Errorf("a GET was faulted by a PUT's script: HTTP %d", resp.StatusCode)
	}
}

func TestScript_dropAndDelay(t *testing.T) {
	mock := start(t)
	bearer := token(t, mock)
	mock.Script(sinchmock.SenderID, http.MethodGet, configPath, sinchmock.Fault{Drop: true})
	req, _ := http.NewRequest(http.MethodGet, mock.URL+configPath, nil)
	req.Header.Set("Authorization", "Bearer "+bearer)
	// A new connection: on a reused one, net/http would repeat the GET by itself.
	fresh := &http.Client{Transport: &http.Transport{DisableKeepAlives: true}}
	if _, err := fresh.Do(req); err == nil {
		t.Error("a dropped connection gave an answer")
	}

	// A client that gives up during the delay leaves the secret as it was.
	mock.Script(sinchmock.SenderID, http.MethodPut, configPath, sinchmock.Fault{Delay: 5 * time.Second})
	ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
	defer cancel()
	req, _ = http.NewRequestWithContext(ctx, http.MethodPut, mock.URL+configPath, strings.NewReader(`{"hmacSecret":"late"}`))
	req.Header.Set("Authorization", "Bearer "+bearer)
	started := time.Now()
	if _, err := http.DefaultClient.Do(req); !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("got %v, want the client's deadline", err)
	}
	time.Sleep(50 * time.Millisecond)
	if s, _ := mock.Secret(sinchmock.SenderID, "p1"); s != "s1" || time.Since(started) > 2*time.Second {
		t.Errorf("the abandoned PUT set %q", s)
	}
}

func TestRateLimit(t *testing.T) {
	mock := sinchmock.Start(sinchmock.Options{KeyID: "kid", KeySecret: "ksecret",
		TokenRateLimit: &sinchmock.RateLimit{Burst: 2, PerSecond: 0.001}})
	defer mock.Close()
	var statuses []int
	for range 3 {
		statuses = append(statuses, tokenRequest(t, mock, "kid", "ksecret", "client_credentials").StatusCode)
	}
	if statuses[0] != 200 || statuses[1] != 200 || statuses[2] != 429 {
		t.Errorf("statuses %v, want 200 200 429", statuses)
	}
	if n := mock.TokensIssued(); n != 2 {
		t.Errorf("tokens issued: %d, want 2", n)
	}
}

func TestChaos(t *testing.T) {
	mock := sinchmock.Start(sinchmock.Options{KeyID: "kid", KeySecret: "ksecret", Projects: map[string]string{"p1": "s1"},
		Chaos: &sinchmock.Chaos{Probability: 0.3, Statuses: []int{429, 503}, Seed: 1}})
	defer mock.Close()
	var bearer string
	for bearer == "" {
		resp := tokenRequest(t, mock, "kid", "ksecret", "client_credentials")
		if resp.StatusCode == 200 {
			bearer = token(t, mock)
		}
	}
	faults := 0
	for range 200 {
		resp, _ := call(t, mock, http.MethodGet, "p1", bearer, "")
		switch resp.StatusCode {
		case 200:
		case 429, 503:
			faults++
		default:
			t.Fatalf("HTTP %d", resp.StatusCode)
		}
	}
	if faults < 30 || faults > 90 {
		t.Errorf("%d of 200 requests faulted, want about 60", faults)
	}
}

func TestLatency(t *testing.T) {
	mock := sinchmock.Start(sinchmock.Options{KeyID: "kid", KeySecret: "ksecret", Latency: 50 * time.Millisecond})
	defer mock.Close()
	started := time.Now()
	tokenRequest(t, mock, "kid", "ksecret", "client_credentials")
	if elapsed := time.Since(started); elapsed < 50*time.Millisecond {
		t.Errorf("answered in %s, want at least the latency", elapsed)
	}
}

func TestScript_foreignAnswers(t *testing.T) {
	mock := start(t)
	bearer := token(t, mock)
	send := func(method string) (*http.Response, string) {
		t.Helper()
		req, _ := http.NewRequest(method, mock.URL+configPath, strings.NewReader(`{"hmacSecret":"s2"}`))
		req.Header.Set("Authorization", "Bearer "+bearer)
		noFollow := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
		resp, err := noFollow.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		body, _ := io.ReadAll(resp.Body)
		return resp, string(body)
	}

	mock.Script(sinchmock.SenderID, http.MethodPut, configPath, sinchmock.Redirect(307, "http://elsewhere.example/x"))
	if resp, body := send(http.MethodPut); resp.StatusCode != 307 || resp.Header.Get("Location") != "http://elsewhere.example/x" || body != "" {
		t.Errorf("redirect: HTTP %d, Location %q, body %q", resp.StatusCode, resp.Header.Get("Location"), body)
	}

	mock.Script(sinchmock.SenderID, http.MethodGet, configPath, sinchmock.NotSinch(404))
	if resp, body := send(http.MethodGet); resp.StatusCode != 404 || !strings.HasPrefix(body, "<html>") || strings.Contains(body, "NOT_FOUND") {
		t.Errorf("foreign 404: HTTP %d, %q", resp.StatusCode, body)
	}

	mock.Script(sinchmock.SenderID, http.MethodPut, configPath, sinchmock.Answer(map[string]any{"projectId": "p1", "hmacSecret": "not-sent"}))
	if resp, body := send(http.MethodPut); resp.StatusCode != 200 || body != `{"hmacSecret":"not-sent","projectId":"p1"}` ||
		resp.Header.Get("Content-Type") != "application/json" {
		t.Errorf("answer: HTTP %d, %q", resp.StatusCode, body)
	}
	if s, _ := mock.Secret(sinchmock.SenderID, "p1"); s != "s1" {
		t.Errorf("the scripted answers changed the secret to %q", s)
	}
}

func TestProjectWithoutASecret(t *testing.T) {
	mock := start(t)
	mock.SetSecret(sinchmock.SenderID, "p1", "")
	resp, body := call(t, mock, http.MethodGet, "p1", token(t, mock), "")
	if _, named := body["hmacSecret"]; resp.StatusCode != 200 || named || body["projectId"] != "p1" {
		t.Errorf("HTTP %d, %v: want p1 without hmacSecret", resp.StatusCode, body)
	}
}
