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
	"slices"
	"strings"
	"syscall"
)

// APIError is an answer of the API other than 2xx: the HTTP status, and what Sinch's error body says
// when the body is Sinch's JSON: the schema RestError ({"error": {"status", "message", "details"}}), or
// the flat body of the Provisioning and Voice APIs ({"errorCode", "message", "resolution",
// "additionalInformation", "reference"}).
type APIError struct {
	Method     string
	URL        string
	HTTPStatus int
	// Attempts is how many times the request was sent: more than one when retries ran out.
	Attempts int
	// Status, Message and Details come from RestError's "error" object, Message from a flat body too;
	// all are empty when the body is not Sinch's JSON (a proxy's HTML page, an empty body).
	Status  string
	Message string
	Details []ErrorDetail
	// ErrorCode, Resolution (Sinch's "what to do"), AdditionalInformation (as "key: value", sorted) and
	// Reference come from a flat body.
	ErrorCode             string
	Resolution            string
	AdditionalInformation []string
	Reference             string
}

// ErrorDetail is one entry of error.details: a ResourceInfo or a BadRequest.
type ErrorDetail struct {
	Type            string
	ResourceType    string
	ResourceName    string
	Description     string
	FieldViolations []FieldViolation
}

// FieldViolation names a field of the request and what is wrong with it.
type FieldViolation struct {
	Field       string
	Description string
}

// newAPIError reads Sinch's error body (the schema RestError) leniently: each of status, message and
// details, and each field of a detail, on its own, so that one field of an unexpected type (Sinch's
// Node SDK types the Numbers API's code as a string) does not hide the rest, such as a NOT_FOUND.
// code is not read: the HTTP status says it.
func newAPIError(method, url string, httpStatus int, body []byte, attempts int) *APIError {
	e := &APIError{Method: method, URL: url, HTTPStatus: httpStatus, Attempts: attempts}
	restError := jsonObject(body)
	if restError == nil {
		return e
	}
	if _, flat := restError["errorCode"]; flat {
		// A gateway's {"message": "..."} is not Sinch's: the flat body has an errorCode.
		e.readFlat(restError)
		return e
	}
	rest := jsonObject(restError["error"])
	e.Status = jsonString(rest["status"])
	e.Message = jsonString(rest["message"])
	for _, raw := range jsonArray(rest["details"]) {
		detail := jsonObject(raw)
		if detail == nil {
			continue
		}
		d := ErrorDetail{
			Type:         jsonString(detail["type"]),
			ResourceType: jsonString(detail["resourceType"]),
			ResourceName: jsonString(detail["resourceName"]),
			Description:  jsonString(detail["description"]),
		}
		for _, raw := range jsonArray(detail["fieldViolations"]) {
			if v := jsonObject(raw); v != nil {
				d.FieldViolations = append(d.FieldViolations, FieldViolation{
					Field: jsonString(v["field"]), Description: jsonString(v["description"])})
			}
		}
		e.Details = append(e.Details, d)
	}
	return e
}

// readFlat reads the flat error body of the Provisioning and Voice APIs, field by field: errorCode is a
// string in one and a number in the other.
func (e *APIError) readFlat(body map[string]json.RawMessage) {
	e.ErrorCode = jsonString(body["errorCode"])
	if e.ErrorCode == "" {
		e.ErrorCode = jsonNumber(body["errorCode"])
	}
	e.Message = jsonString(body["message"])
	e.Resolution = jsonString(body["resolution"])
	e.Reference = jsonString(body["reference"])
	information := jsonObject(body["additionalInformation"])
	for key, raw := range information {
		value := jsonString(raw)
		if value == "" {
			value = strings.TrimSpace(string(raw))
		}
		e.AdditionalInformation = append(e.AdditionalInformation, key+": "+value)
	}
	slices.Sort(e.AdditionalInformation)
}

func (e *APIError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "sinch: %s %s: HTTP %d", e.Method, e.URL, e.HTTPStatus)
	for _, code := range []string{e.Status, e.ErrorCode} {
		if code != "" {
			fmt.Fprintf(&b, " %s", code)
		}
	}
	if e.Message != "" {
		fmt.Fprintf(&b, ": %s", e.Message)
	}
	if e.Status == "" && e.ErrorCode == "" && e.Message == "" {
		fmt.Fprintf(&b, " (%s; the body is not Sinch's JSON error)", http.StatusText(e.HTTPStatus))
	}
	if e.Resolution != "" {
		fmt.Fprintf(&b, " (%s)", e.Resolution)
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

// redact hides the secrets wherever they appear in what Sinch said.
func (e *APIError) redact(secrets ...string) {
	scrub := func(s *string) {
		for _, secret := range secrets {
			*s = redact(*s, secret)
		}
	}
	scrub(&e.Status)
	scrub(&e.Message)
	scrub(&e.ErrorCode)
	scrub(&e.Resolution)
	scrub(&e.Reference)
	for i := range e.AdditionalInformation {
		scrub(&e.AdditionalInformation[i])
	}
	for i := range e.Details {
		d := &e.Details[i]
		scrub(&d.Type)
		scrub(&d.ResourceType)
		scrub(&d.ResourceName)
		scrub(&d.Description)
		for j := range d.FieldViolations {
			scrub(&d.FieldViolations[j].Field)
			scrub(&d.FieldViolations[j].Description)
		}
	}
}

// IsNotFound reports whether err is Sinch saying that what was asked for does not exist: a 404 whose
// body is Sinch's error, with status NOT_FOUND (RestError) or an errorCode (the flat body). Any other 404
// (a wrong api_url, another host, a gateway's page) says nothing about it.
func IsNotFound(err error) bool {
	var apiErr *APIError
	return errors.As(err, &apiErr) && apiErr.HTTPStatus == http.StatusNotFound && (apiErr.Status == "NOT_FOUND" || apiErr.ErrorCode != "")
}

// NotFoundUnconfirmedError is Sinch's 404 for a webhook that the list of its scope (its app's webhooks,
// or its project's) does not confirm: the list failed (with a 404 for the app when the host is another
// region's, where the app does not live), or it shows the webhook, or there was no app to list (an API
// whose webhooks belong to apps, and AppID empty). It says nothing of whether the webhook exists, and it
// is not IsNotFound.
type NotFoundUnconfirmedError struct {
	NotFound *APIError
	AppID    string
	// Scope names what was listed, such as `app "a"`.
	Scope string
	// ListErr is the list's error, nil when it answered; Listed says that it showed the webhook.
	ListErr error
	Listed  bool
}

func (e *NotFoundUnconfirmedError) Error() string {
	switch {
	case e.ListErr == nil && !e.Listed:
		return fmt.Sprintf("%v, which no list of the webhook's app can confirm, as its app is not known", e.NotFound)
	case e.ListErr != nil:
		return fmt.Sprintf("%v, and the list of %s's webhooks that would confirm it failed: %v", e.NotFound, e.Scope, e.ListErr)
	default:
		return fmt.Sprintf("%v, but the list of %s's webhooks shows it", e.NotFound, e.Scope)
	}
}

// RedirectError is an answer of 3xx, which the client does not follow: Sinch's API does not redirect,
// so a redirect comes from a wrong URL or a proxy, and nothing is sent where it points.
type RedirectError struct {
	Method     string
	URL        string
	HTTPStatus int
	// LocationHost is the host the redirect points to, or empty when it names none.
	LocationHost string
}

func (e *RedirectError) Error() string {
	to := "without a Location"
	if e.LocationHost != "" {
		to = "to " + e.LocationHost
	}
	return fmt.Sprintf("sinch: %s %s: HTTP %d, a redirect %s, not followed", e.Method, e.URL, e.HTTPStatus, to)
}

// MismatchError is a 200 answer to an update that names a secret other than the one sent: Sinch (or
// something on the way) did not store what was sent, so the write is not confirmed. It quotes neither.
type MismatchError struct {
	Method    string
	URL       string
	ProjectID string
}

func (e *MismatchError) Error() string {
	return fmt.Sprintf("sinch: %s %s: HTTP 200, but the answer names a secret other than the one sent", e.Method, e.URL)
}

// UnexpectedAnswerError is a 200 whose body is not what the API documents. It never quotes the body,
// which may hold the secret.
type UnexpectedAnswerError struct {
	Method     string
	URL        string
	HTTPStatus int
	Attempts   int
	Reason     string
}

func (e *UnexpectedAnswerError) Error() string {
	return fmt.Sprintf("sinch: %s %s: HTTP %d, but %s", e.Method, e.URL, e.HTTPStatus, e.Reason)
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
