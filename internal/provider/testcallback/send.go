package testcallback

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/terraform-sinch/terraform-provider-sinch/internal/client"
)

// newHTTPClient is the client of one test: one attempt per request, each within the timeout, and no
// redirect followed, which would carry the callback, its signature and its token elsewhere.
func newHTTPClient(timeout time.Duration) *http.Client {
	return &http.Client{
		Timeout:       timeout,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
	}
}

// answer is what the target did with one callback.
type answer struct {
	// status is the HTTP status, such as "401 Unauthorized", and code its number; 0 when there was no
	// answer, and err says why.
	status  string
	code    int
	elapsed time.Duration
	// location is the host a redirect points to.
	location string
	err      error
}

// send posts the test's body to its target, signed with secret, with the bearer token if there is one.
func (t Test) send(ctx context.Context, c *http.Client, secret, bearer string) answer {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, t.Target, bytes.NewReader(t.Body))
	if err != nil {
		return answer{err: err}
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("User-Agent", t.UserAgent+" (a test callback, not sent by Sinch)")
	if bearer != "" {
		req.Header.Set("Authorization", "Bearer "+bearer)
	}
	t.Scheme.sign(req.Header, secret, t.Body)
	// What was sent, for whoever debugs a handler that refuses it; the bearer token is one of the values
	// that the context masks (Test.LogContext).
	tflog.Trace(ctx, "test callback sent", map[string]any{"url": DisplayURL(t.Target), "headers": headerLines(req.Header)})
	start := time.Now()
	resp, err := c.Do(req)
	a := answer{elapsed: time.Since(start).Round(time.Millisecond)}
	if err != nil {
		a.err = withoutURL(err)
		tflog.Debug(ctx, "test callback: no answer", map[string]any{"url": DisplayURL(t.Target), "error": a.err.Error()})
		return a
	}
	defer resp.Body.Close()
	// The body says nothing the test needs; it is read so that the connection can serve the next request.
	_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 1<<16))
	a.status, a.code = resp.Status, resp.StatusCode
	if location, err := resp.Location(); err == nil {
		a.location = location.Host
	}
	tflog.Debug(ctx, "test callback answered", map[string]any{"url": DisplayURL(t.Target), "status": a.code,
		"elapsed_ms": a.elapsed.Milliseconds()})
	return a
}

// headerLines are a request's headers, one "Name: value" a line, sorted.
func headerLines(h http.Header) string {
	var lines []string
	for name, values := range h {
		for _, v := range values {
			lines = append(lines, name+": "+v)
		}
	}
	slices.Sort(lines)
	return strings.Join(lines, "\n")
}

// withoutURL drops net/http's *url.Error, whose message repeats the URL, query and all.
func withoutURL(err error) error {
	var urlErr *url.Error
	if errors.As(err, &urlErr) {
		return urlErr.Err
	}
	return err
}

// words say what the answer was, for a progress message.
func (a answer) words(target string) string {
	if a.err != nil {
		return fmt.Sprintf("%s gave no answer: %s", DisplayURL(target), noAnswerWords(a.err, a.elapsed))
	}
	return fmt.Sprintf("%s answered HTTP %s in %s", DisplayURL(target), a.status, a.elapsed)
}

// noAnswerWords say why a request got no answer, after how long.
func noAnswerWords(err error, elapsed time.Duration) string {
	switch (&client.TransportError{Err: err}).Problem() {
	case client.ProblemCanceled:
		return "the run was cancelled"
	case client.ProblemTimeout:
		return fmt.Sprintf("none within %s", elapsed)
	case client.ProblemDNS:
		return "its host could not be resolved"
	case client.ProblemRefused:
		return "the connection was refused"
	case client.ProblemTLS:
		return fmt.Sprintf("the TLS connection failed (%v)", err)
	case client.ProblemDropped:
		return "the connection was closed before an answer"
	default:
		return err.Error()
	}
}

// kind sorts an answer: 2xx, 3xx, 4xx, anything else, or none.
type kind int

const (
	noAnswer kind = iota
	accepted
	redirected
	refused
	failed
)

func (a answer) kind() kind {
	switch {
	case a.err != nil:
		return noAnswer
	case a.code >= 200 && a.code < 300:
		return accepted
	case a.code >= 300 && a.code < 400:
		return redirected
	case a.code >= 400 && a.code < 500:
		return refused
	default:
		return failed
	}
}
