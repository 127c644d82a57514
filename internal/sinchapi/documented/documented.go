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

// WebhookCalls are what Sinch's sources say of an API's webhooks.
type WebhookCalls struct {
	// Host is the production host; empty for an API with a host per region.
	Host string
	// List is where a scope's webhooks are listed, with %s for the project (and the app).
	List string
	// Mask says that an update names its fields in update_mask.
	Mask bool
	// PerScope is how many webhooks an app (or a project) may have; PageSize the most a page holds, 0
	// for no pages.
	PerScope, PageSize int
	// TargetUnique says that a scope has one webhook per target.
	TargetUnique bool
	// SecretAnswered says whether Sinch may answer a webhook's secret.
	SecretAnswered bool
}

// Webhooks maps each webhook API's key to what its sources say. Sources: the Conversation API's
// reference and SDKs (Node's webhooks-api.ts, .NET's Webhooks.cs: "at most 5 webhooks per app"), and the
// Provisioning API's reference (OAS 1.2.36) with the Node SDK's @sinch/provisioning ("pageSize 1 to 15",
// "target unique within a project", "at most 15 webhooks per project", and a webhook answered without its
// secret).
var Webhooks = map[string]WebhookCalls{
	"conversation": {List: "/v1/projects/%s/apps/%s/webhooks", Mask: true, PerScope: 5, SecretAnswered: true},
	"provisioning": {Host: "provisioning.api.sinch.com", List: "/v1/projects/%s/webhooks", PerScope: 15, PageSize: 15, TargetUnique: true},
}
