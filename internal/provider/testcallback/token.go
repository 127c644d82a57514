package testcallback

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"golang.org/x/oauth2"
	"golang.org/x/oauth2/clientcredentials"
)

// Credentials are a webhook's OAuth2 client credentials, with which Sinch fetches a token for the
// target before it sends a callback.
type Credentials struct {
	ClientID, ClientSecret, Endpoint string
	// Scope and ResponseType are sent when set.
	Scope, ResponseType string
	// TokenRequestType is BASIC (HTTP Basic, also meant by "") or FORM (in the form body).
	TokenRequestType string
}

// Sinch takes a token whose expires_in is within these bounds.
const (
	minTokenLifetime = 30
	maxTokenLifetime = 3600
)

// requestType is the token request's type, BASIC when none is named.
func (c Credentials) requestType() string {
	if c.TokenRequestType == "" {
		return "BASIC"
	}
	return c.TokenRequestType
}

// fetchToken gets a token from the credentials' endpoint as Sinch does: a client_credentials grant,
// with the client's ID and secret in HTTP Basic (BASIC) or in the form (FORM). golang.org/x/oauth2 makes
// the request; this checks what Sinch checks of the answer.
func (t Test) fetchToken(ctx context.Context, c *http.Client) (string, diag.Diagnostic) {
	creds := t.Credentials
	if err := CheckTarget(creds.Endpoint); err != nil {
		return "", diag.NewErrorDiagnostic("Token endpoint not https", fmt.Sprintf(
			"The token endpoint of %s's client_credentials is not one a test sends a client secret to: %s. "+
				"Make the endpoint https.", t.TargetIs, err))
	}
	config := clientcredentials.Config{ClientID: creds.ClientID, ClientSecret: creds.ClientSecret, TokenURL: creds.Endpoint,
		AuthStyle: oauth2.AuthStyleInHeader}
	if creds.requestType() == "FORM" {
		config.AuthStyle = oauth2.AuthStyleInParams
	}
	if creds.Scope != "" {
		config.Scopes = []string{creds.Scope}
	}
	if creds.ResponseType != "" {
		config.EndpointParams = url.Values{"response_type": {creds.ResponseType}}
	}
	endpoint := DisplayURL(creds.Endpoint)
	t.say(ctx, "Fetching an access token from %s for client %q (token request %s), as Sinch does for %s's client_credentials",
		endpoint, creds.ClientID, creds.requestType(), t.TargetIs)
	start := time.Now()
	token, err := config.Token(context.WithValue(ctx, oauth2.HTTPClient, c))
	elapsed := time.Since(start).Round(time.Millisecond)
	if err != nil {
		return "", tokenErrorDiagnostic(t, err, elapsed)
	}
	lifetime, ok := expiresIn(token)
	if !ok || lifetime < minTokenLifetime || lifetime > maxTokenLifetime {
		got := "no expires_in"
		if ok {
			got = fmt.Sprintf("expires_in %d", lifetime)
		}
		return "", diag.NewErrorDiagnostic("Token not usable by Sinch", fmt.Sprintf(
			"%s answered a token with %s, and Sinch takes a token only with expires_in from %d to %d seconds. Make the "+
				"endpoint answer a JSON token that lives 30 s to 1 h.", endpoint, got, minTokenLifetime, maxTokenLifetime))
	}
	t.say(ctx, "%s answered a token (expires_in %d s) in %s", endpoint, lifetime, elapsed)
	return token.AccessToken, nil
}

// expiresIn is the token's expires_in, in seconds, as its answer gave it (a JSON number, or a string).
func expiresIn(token *oauth2.Token) (int64, bool) {
	switch v := token.Extra("expires_in").(type) {
	case float64:
		return int64(v), v == float64(int64(v))
	case string:
		n, err := strconv.ParseInt(v, 10, 64)
		return n, err == nil
	default:
		return 0, false
	}
}

// tokenErrorDiagnostic explains a failed token request, with the status and the OAuth2 error code of
// the answer but never its body, which may repeat what was sent.
func tokenErrorDiagnostic(t Test, err error, elapsed time.Duration) diag.Diagnostic {
	creds := t.Credentials
	endpoint := DisplayURL(creds.Endpoint)
	check := fmt.Sprintf("Check the client_credentials of %s: client_id, the client secret, endpoint and token_request_type "+
		"(BASIC sends the client ID and secret with HTTP Basic, FORM in the form body).", t.TargetIs)
	var retrieve *oauth2.RetrieveError
	switch {
	case errors.As(err, &retrieve) && retrieve.Response != nil:
		status := retrieve.Response.Status
		if retrieve.ErrorCode != "" {
			status += ", " + retrieve.ErrorCode
		}
		if code := retrieve.Response.StatusCode; code >= 300 && code < 400 {
			return diag.NewErrorDiagnostic("Token endpoint redirected", fmt.Sprintf(
				"%s answered the token request with HTTP %s, a redirect, which a test does not follow (it would carry the "+
					"client secret elsewhere). Point the endpoint of %s's client_credentials at the token endpoint itself.",
				endpoint, status, t.TargetIs))
		}
		return diag.NewErrorDiagnostic("Token endpoint refused the client credentials", fmt.Sprintf(
			"%s answered the token request for client %q (token request %s) with HTTP %s, so Sinch could not get a token "+
				"for the target either. %s", endpoint, creds.ClientID, creds.requestType(), status, check))
	case errors.As(err, new(*url.Error)):
		return diag.NewErrorDiagnostic("Token endpoint did not answer", fmt.Sprintf(
			"%s gave no answer to the token request: %s. Check that the endpoint runs and that this machine can reach it; "+
				"timeout sets how long a test waits.", endpoint, noAnswerWords(withoutURL(err), elapsed)))
	default:
		return diag.NewErrorDiagnostic("Token endpoint's answer not usable", fmt.Sprintf(
			"%s answered the token request with something that is not a token (%s). Sinch needs a JSON answer with "+
				"access_token and expires_in. %s", endpoint, err, check))
	}
}
