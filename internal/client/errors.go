package client

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strings"
)

// APIError is an answer of the API other than 200: the HTTP status, and what Sinch's error body says
// when the body is Sinch's JSON (see the schema RestError).
type APIError struct {
	Method     string
	Path       string
	HTTPStatus int
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

func newAPIError(method, path string, httpStatus int, body []byte) *APIError {
	e := &APIError{Method: method, Path: path, HTTPStatus: httpStatus}
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
	Reason     string
}

func (e *UnexpectedAnswerError) Error() string {
	return fmt.Sprintf("sinch: %s %s: HTTP %d, but %s", e.Method, e.Path, e.HTTPStatus, e.Reason)
}
