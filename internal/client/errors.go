package client

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"strings"
	"syscall"
)

// APIError is an answer of the API other than 200: the HTTP status, and what Sinch's error body says
// when the body is Sinch's JSON (see the schema RestError).
type APIError struct {
	Method     string
	Path       string
	HTTPStatus int
	// Attempts is how many times the request was sent: more than one when retries ran out.
	Attempts int
	// Status, Message and Details come from the body's "error" object; all are empty when the body
	// is not Sinch's JSON (a proxy's HTML page, an empty body).
	Status  string
	Message string
	Details []ErrorDetail
}

// ErrorDetail is one entry of error.details: a ResourceInfo or a BadRequest.
type ErrorDetail struct {
	Type            string           `json:"type"`
	ResourceType    string           `json:"resourceType,omitempty"`
	ResourceName    string           `json:"resourceName,omitempty"`
	Description     string           `json:"description,omitempty"`
	FieldViolations []FieldViolation `json:"fieldViolations,omitempty"`
}

// FieldViolation names a field of the request and what is wrong with it.
type FieldViolation struct {
	Field       string `json:"field"`
	Description string `json:"description"`
}

type restError struct {
	Error *struct {
		Code    int           `json:"code"`
		Message string        `json:"message"`
		Status  string        `json:"status"`
		Details []ErrorDetail `json:"details"`
	} `json:"error"`
}

func newAPIError(method, path string, httpStatus int, body []byte, attempts int) *APIError {
	e := &APIError{Method: method, Path: path, HTTPStatus: httpStatus, Attempts: attempts}
	var decoded restError
	if json.Unmarshal(body, &decoded) == nil && decoded.Error != nil {
		e.Status = decoded.Error.Status
		e.Message = decoded.Error.Message
		e.Details = decoded.Error.Details
	}
	return e
}

func (e *APIError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "sinch: %s %s: HTTP %d", e.Method, e.Path, e.HTTPStatus)
	if e.Status != "" {
		fmt.Fprintf(&b, " %s", e.Status)
	}
	if e.Message != "" {
		fmt.Fprintf(&b, ": %s", e.Message)
	}
	if e.Status == "" && e.Message == "" {
		fmt.Fprintf(&b, " (%s; the body is not Sinch's JSON error)", http.StatusText(e.HTTPStatus))
	}
	for _, v := range e.FieldViolations() {
		fmt.Fprintf(&b, "; %s: %s", v.Field, v.Description)
	}
	if e.Attempts > 1 {
		fmt.Fprintf(&b, " (after %d attempts)", e.Attempts)
	}
	return b.String()
}

// FieldViolations gathers the field violations of every BadRequest detail.
func (e *APIError) FieldViolations() []FieldViolation {
	var all []FieldViolation
	for _, d := range e.Details {
		all = append(all, d.FieldViolations...)
	}
	return all
}

// redact replaces every occurrence of secret in what Sinch said.
func (e *APIError) redact(secret string) {
	if secret == "" {
		return
	}
	scrub := func(s *string) { *s = strings.ReplaceAll(*s, secret, "(redacted)") }
	scrub(&e.Message)
	for i := range e.Details {
		d := &e.Details[i]
		scrub(&d.Description)
		scrub(&d.ResourceName)
		for j := range d.FieldViolations {
			scrub(&d.FieldViolations[j].Field)
			scrub(&d.FieldViolations[j].Description)
		}
	}
}

// IsNotFound reports whether err is the API's 404: the project does not exist.
func IsNotFound(err error) bool {
	var apiErr *APIError
	return errors.As(err, &apiErr) && apiErr.HTTPStatus == http.StatusNotFound
}

// UnexpectedAnswerError is a 200 whose body is not what the API documents. It never quotes the body,
// which may hold the secret.
type UnexpectedAnswerError struct {
	Method     string
	Path       string
	HTTPStatus int
	Attempts   int
	Reason     string
}

func (e *UnexpectedAnswerError) Error() string {
	return fmt.Sprintf("sinch: %s %s: HTTP %d, but %s", e.Method, e.Path, e.HTTPStatus, e.Reason)
}

// TransportError is a request that got no answer: the connection failed, timed out, was dropped, or
// was cancelled, on the last attempt.
type TransportError struct {
	Method string
	URL    string
	// Attempts is how many times the request was sent.
	Attempts int
	Err      error
}

func (e *TransportError) Error() string {
	msg := fmt.Sprintf("sinch: %s %s: %v", e.Method, e.URL, e.Err)
	if e.Attempts > 1 {
		msg += fmt.Sprintf(" (after %d attempts)", e.Attempts)
	}
	return msg
}

func (e *TransportError) Unwrap() error { return e.Err }

// Problem says what kind of failure a TransportError is.
type Problem string

// The kinds of TransportError.
const (
	ProblemCanceled Problem = "cancelled"
	ProblemTimeout  Problem = "timeout"
	ProblemDNS      Problem = "dns"
	ProblemRefused  Problem = "refused"
	ProblemTLS      Problem = "tls"
	ProblemDropped  Problem = "dropped"
	ProblemOther    Problem = "other"
)

// Problem classifies the error.
func (e *TransportError) Problem() Problem {
	var netErr net.Error
	var dnsErr *net.DNSError
	var recordErr tls.RecordHeaderError
	var verifyErr *tls.CertificateVerificationError
	var authorityErr x509.UnknownAuthorityError
	var hostnameErr x509.HostnameError
	var invalidErr x509.CertificateInvalidError
	switch {
	case errors.Is(e.Err, context.Canceled):
		return ProblemCanceled
	case errors.As(e.Err, &dnsErr):
		return ProblemDNS
	case errors.Is(e.Err, context.DeadlineExceeded), errors.As(e.Err, &netErr) && netErr.Timeout():
		return ProblemTimeout
	case errors.Is(e.Err, syscall.ECONNREFUSED):
		return ProblemRefused
	case errors.As(e.Err, &recordErr), errors.As(e.Err, &verifyErr), errors.As(e.Err, &authorityErr),
		errors.As(e.Err, &hostnameErr), errors.As(e.Err, &invalidErr), strings.Contains(e.Err.Error(), "tls: "):
		return ProblemTLS
	case errors.Is(e.Err, io.EOF), errors.Is(e.Err, io.ErrUnexpectedEOF), errors.Is(e.Err, syscall.ECONNRESET):
		return ProblemDropped
	default:
		return ProblemOther
	}
}

// unwrapURLError drops net/http's *url.Error, whose message repeats the method and URL.
func unwrapURLError(err error) error {
	var urlErr *url.Error
	if errors.As(err, &urlErr) {
		return urlErr.Err
	}
	return err
}

// withAttempts records on a TransportError of the API call how many attempts it made.
func withAttempts(err error, attempts int) error {
	var transportErr *TransportError
	var tokenErr *TokenError
	if !errors.As(err, &tokenErr) && errors.As(err, &transportErr) {
		transportErr.Attempts = attempts
	}
	return err
}
