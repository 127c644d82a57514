// Package sinchapi is the table of Sinch's APIs whose callbacks are signed with a per-project secret
// set through a callback configuration of one shape: GET answers {"projectId", "hmacSecret"}, the
// update takes {"hmacSecret"} and answers like GET, and errors are Sinch's RestError. One value per API
// says what differs, and the client, the provider (its types, settings and docs), the mock and the
// tests all follow the table: a new API is a new value here, with its examples, docs and tests.
package sinchapi

import (
	"net/http"
	"strings"
)

// CallbackAPI is one API with a callback configuration.
type CallbackAPI struct {
	// Key names the API in the project: the mock's name for it (in its admin API, say).
	Key string
	// Name is the API's name in Sinch's documentation.
	Name string
	// DefaultURL is the base URL of its production host.
	DefaultURL string
	// Path is a project's callback configuration below the base URL, with {projectId} for the project.
	Path string
	// UpdateMethod is the method that sets the secret.
	UpdateMethod string
	// TypeName is the Terraform type's name after "sinch_", such as "numbers_callback_configuration";
	// the docs page and the examples folders follow it.
	TypeName string
	// URLSetting is the provider setting of the API's base URL, such as "numbers_api_url"; its
	// environment variable is SINCH_ and the setting in capitals.
	URLSetting string
	// Signs says, for the docs, which callbacks the secret signs.
	Signs string
	// TestEvent is a plausible callback of the API, which the action sinch_send_test_callback signs and
	// sends to a handler.
	TestEvent Event
}

// Event is what differs from API to API in the events of their callbacks, which share one shape:
// {eventId, timestamp, projectId, resourceId, resourceType, eventType, status}.
type Event struct {
	ResourceType, ResourceID, EventType, Status string
	// Documented says whether Sinch documents the events' shape and these values for the API; where it
	// does not, the event has the shape of the Numbers APIs', for the docs to say so.
	Documented bool
}

// CallbackAPIs are the APIs, as Sinch documents them (the provider's docs name the sources). The first
// one's host serves the mock's token endpoint too.
var CallbackAPIs = []CallbackAPI{
	{
		Key: "sender-id", Name: "Sender ID Registrations", DefaultURL: "https://senderid.registrations.api.sinch.com",
		Path: "/v1/projects/{projectId}/callback-configuration", UpdateMethod: http.MethodPut,
		TypeName: "callback_configuration", URLSetting: "api_url",
		Signs:     "the callbacks of the Sender ID Registrations API, such as the status updates of a registration",
		TestEvent: Event{ResourceType: "REGISTRATION", ResourceID: "d1c7ccbf-919d-462f-8587-dec95a1b11ee", EventType: "REGISTRATION_STATUS_UPDATED", Status: "APPROVED"},
	},
	{
		Key: "brands", Name: "Brands", DefaultURL: "https://brand.registrations.api.sinch.com",
		Path: "/v1/projects/{projectId}/callback-configuration", UpdateMethod: http.MethodPut,
		TypeName: "brands_callback_configuration", URLSetting: "brands_api_url",
		Signs:     "the callbacks of the Brands API, such as the status updates of a brand",
		TestEvent: Event{ResourceType: "BRAND", ResourceID: "d1c7ccbf-919d-462f-8587-dec95a1b11ee", EventType: "BRAND_STATUS_UPDATED", Status: "APPROVED"},
	},
	{
		Key: "numbers", Name: "Numbers", DefaultURL: "https://numbers.api.sinch.com",
		Path: "/v1/projects/{projectId}/callbackConfiguration", UpdateMethod: http.MethodPatch,
		TypeName: "numbers_callback_configuration", URLSetting: "numbers_api_url",
		Signs:     "the callbacks of the Numbers API, such as the events of a number's provisioning",
		TestEvent: Event{ResourceType: "ACTIVE_NUMBER", ResourceID: "+12025550123", EventType: "PROVISIONING_TO_SMS_PLATFORM", Status: "SUCCEEDED", Documented: true},
	},
	{
		Key: "imported-numbers", Name: "Imported Numbers and Hosting Orders", DefaultURL: "https://imported.numbers.api.sinch.com",
		Path: "/v1/projects/{projectId}/callbackConfiguration", UpdateMethod: http.MethodPatch,
		TypeName: "imported_numbers_callback_configuration", URLSetting: "imported_numbers_api_url",
		Signs:     "the callbacks of the Imported Numbers and Hosting Orders API, such as the status updates of a hosting order",
		TestEvent: Event{ResourceType: "IMPORTED_NUMBER", ResourceID: "+12025550124", EventType: "PROVISIONING_TO_SMS_PLATFORM", Status: "SUCCEEDED", Documented: true},
	},
}

// ByKey returns the API of a key, and whether there is one.
func ByKey(key string) (CallbackAPI, bool) {
	for _, api := range CallbackAPIs {
		if api.Key == key {
			return api, true
		}
	}
	return CallbackAPI{}, false
}

// EnvVarOf names the environment variable of a provider setting, such as a URLSetting: SINCH_ and the
// setting's name in capitals.
func EnvVarOf(setting string) string {
	return "SINCH_" + strings.ToUpper(setting)
}
