package client

import (
	"context"
	"crypto/hmac"
	"crypto/md5"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"time"
)

// DefaultVoiceURL is the Voice API's host for the configuration of applications, which has no regional
// host.
const DefaultVoiceURL = "https://callingapi.sinch.com"

// VoiceApplications calls the Voice API's configuration of applications at one base URL: the callback
// URLs where Sinch asks each application what to do with its calls. Every request is a signed request
// with the application's own key and secret (not the project's access key): the secret signs it and
// never travels. All the calls of a Client share its HTTP client and retries.
type VoiceApplications struct {
	client  *Client
	baseURL string
	// secrets are the applications' secrets, by application key.
	secrets map[string]string
}

// VoiceApplications returns the calls at baseURL, such as https://callingapi.sinch.com, for the
// applications whose secrets (base64, as Sinch gives them) are given by application key. It makes no
// request; a secret that is not base64 is an error that names its key, never the secret.
func (c *Client) VoiceApplications(baseURL string, secrets map[string]string) (*VoiceApplications, error) {
	u, err := url.Parse(baseURL)
	if err != nil || !u.IsAbs() || u.Host == "" {
		return nil, fmt.Errorf("sinch: the Voice API's URL %q is not an absolute URL", baseURL)
	}
	for key, secret := range secrets {
		if _, err := DecodeApplicationSecret(secret); err != nil {
			return nil, fmt.Errorf("sinch: the secret of Voice application %q %w", key, err)
		}
	}
	return &VoiceApplications{client: c, baseURL: strings.TrimSuffix(baseURL, "/"), secrets: secrets}, nil
}

// DecodeApplicationSecret decodes a Voice application's secret, which Sinch's dashboard gives in base64:
// its bytes are the key of the signatures. The error never quotes the secret; it completes a sentence
// whose subject names the secret ("the secret of application "k" is not base64, ...").
func DecodeApplicationSecret(secret string) ([]byte, error) {
	key, err := base64.StdEncoding.DecodeString(secret)
	switch {
	case secret == "":
		return nil, errors.New("is empty: it is the application secret of Sinch's dashboard, in base64")
	case err != nil && strings.TrimSpace(secret) != secret:
		return nil, errors.New("is not base64, as Sinch's dashboard gives it: it starts or ends with white space (a line break from a file, say)")
	case err != nil:
		return nil, errors.New("is not base64, as Sinch's dashboard gives it")
	}
	return key, nil
}

// ErrNoApplicationSecret is a call for an application whose secret the provider was not given.
var ErrNoApplicationSecret = errors.New("sinch: no secret for this Voice application")

// VoiceCallbackURLs are a Voice application's callback URLs: Primary gets every callback, Fallback (if
// any) those that Primary fails to answer.
type VoiceCallbackURLs struct {
	Primary, Fallback string
}

func (v *VoiceApplications) url(applicationKey string) string {
	return v.baseURL + "/v1/configuration/callbacks/applications/" + url.PathEscape(applicationKey)
}

// signer is the signer of an application's requests, or an error when its secret is not known.
func (v *VoiceApplications) signer(applicationKey string) (*applicationSigner, error) {
	secret, ok := v.secrets[applicationKey]
	if !ok {
		return nil, fmt.Errorf("%w: %q", ErrNoApplicationSecret, applicationKey)
	}
	key, _ := DecodeApplicationSecret(secret) // checked by VoiceApplications
	return &applicationSigner{applicationKey: applicationKey, key: key, encoded: secret}, nil
}

// CallbackURLs reads an application's callback URLs.
func (v *VoiceApplications) CallbackURLs(ctx context.Context, applicationKey string) (*VoiceCallbackURLs, error) {
	signer, err := v.signer(applicationKey)
	if err != nil {
		return nil, err
	}
	resp, err := v.client.call(ctx, request{method: http.MethodGet, url: v.url(applicationKey), signer: signer})
	if err != nil {
		return nil, err
	}
	fields := jsonObject(resp.body)
	d := exactDecoder{fields: fields}
	u := exactDecoder{fields: d.object("url")}
	answered := &VoiceCallbackURLs{Primary: u.string("primary"), Fallback: u.string("fallback")}
	if fields == nil || d.failed || u.failed {
		return nil, resp.unexpected("it is not JSON of the documented shape")
	}
	return answered, nil
}

// SetCallbackURLs sets an application's callback URLs, with one POST of both (a fallback of "" clears
// it: Sinch does not document what a POST without one does). Sinch answers with an empty body.
func (v *VoiceApplications) SetCallbackURLs(ctx context.Context, applicationKey string, urls VoiceCallbackURLs) error {
	signer, err := v.signer(applicationKey)
	if err != nil {
		return err
	}
	body, err := json.Marshal(map[string]any{"url": map[string]string{"primary": urls.Primary, "fallback": urls.Fallback}})
	if err != nil {
		return err
	}
	_, err = v.client.call(ctx, request{method: http.MethodPost, url: v.url(applicationKey), body: body, signer: signer})
	return err
}

// applicationSigner signs requests as the Voice API's signed request says, with an application's key
// and secret.
type applicationSigner struct {
	applicationKey string
	// key is the secret decoded from base64, the HMAC key; encoded is the secret as given, to redact.
	key     []byte
	encoded string
}

// secret is what error answers are redacted of: the secret as given; "" without a signer.
func (s *applicationSigner) secret() string {
	if s == nil {
		return ""
	}
	return s.encoded
}

// sign sets x-timestamp, Content-MD5 (with a body) and Authorization: Application <key>:<signature>.
// Retries send the same request, with the same timestamp.
func (s *applicationSigner) sign(req *http.Request, body []byte, now time.Time) {
	timestamp := now.UTC().Format(time.RFC3339)
	contentMD5 := ""
	if len(body) > 0 {
		sum := md5.Sum(body)
		contentMD5 = base64.StdEncoding.EncodeToString(sum[:])
		req.Header.Set("Content-MD5", contentMD5)
	}
	req.Header.Set("x-timestamp", timestamp)
	signature := voiceSignature(s.key, req.Method, contentMD5, req.Header.Get("Content-Type"), timestamp, req.URL.Path)
	req.Header.Set("Authorization", "Application "+s.applicationKey+":"+signature)
}

// VoiceSignature is the signature of a Voice API signed request, and of the callbacks Sinch sends to a
// Voice application's URLs: Base64(HMAC-SHA256(Base64Decode(secret), StringToSign)), where StringToSign
// is method, Base64(MD5(body)) ("" for no body), content type, "x-timestamp:" and the timestamp, and
// the path, each on a line. The secret is base64, as Sinch gives it.
func VoiceSignature(secret, method, contentType, timestamp, path string, body []byte) (string, error) {
	key, err := DecodeApplicationSecret(secret)
	if err != nil {
		return "", fmt.Errorf("the application secret %w", err)
	}
	contentMD5 := ""
	if len(body) > 0 {
		sum := md5.Sum(body)
		contentMD5 = base64.StdEncoding.EncodeToString(sum[:])
	}
	return voiceSignature(key, method, contentMD5, contentType, timestamp, path), nil
}

func voiceSignature(key []byte, method, contentMD5, contentType, timestamp, path string) string {
	mac := hmac.New(sha256.New, key)
	mac.Write([]byte(method + "\n" + contentMD5 + "\n" + contentType + "\n" + "x-timestamp:" + timestamp + "\n" + path))
	return base64.StdEncoding.EncodeToString(mac.Sum(nil))
}
