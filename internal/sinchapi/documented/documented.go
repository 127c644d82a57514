// Package documented holds what Sinch's own sources say of each API with a callback configuration,
// transcribed apart from the table of package sinchapi, which every part of the project follows. Tests
// check the table, and every request the provider makes, against it: a mistake in the table would
// otherwise be agreed on by the client and the mock alike.
package documented

// Calls are an API's calls, as documented.
type Calls struct {
	// Host is the production host.
	Host string
	// Path is a project's callback configuration, with %s for the project.
	Path string
	// Read and Update are the methods that read and set the secret.
	Read, Update string
}

// CallbackConfigurations maps each API's key to its calls. Sources: Sinch's API references, the
// Brands API's published OpenAPI file, and the official SDKs (see the provider's docs).
var CallbackConfigurations = map[string]Calls{
	"sender-id": {Host: "senderid.registrations.api.sinch.com", Path: "/v1/projects/%s/callback-configuration", Read: "GET", Update: "PUT"},
	"brands":    {Host: "brand.registrations.api.sinch.com", Path: "/v1/projects/%s/callback-configuration", Read: "GET", Update: "PUT"},
	"numbers":   {Host: "numbers.api.sinch.com", Path: "/v1/projects/%s/callbackConfiguration", Read: "GET", Update: "PATCH"},
	// The Imported Numbers and Hosting Orders Callbacks reference page, and Sinch's agent-skills reference
	// (PATCH /v1); an older page shows /v1beta1/, which is legacy.
	"imported-numbers": {Host: "imported.numbers.api.sinch.com", Path: "/v1/projects/%s/callbackConfiguration", Read: "GET", Update: "PATCH"},
}
