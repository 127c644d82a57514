// Package callbackconfig is the provider's family of callback configurations: for each API of
// sinchapi.CallbackAPIs, a resource, a data source and an ephemeral resource made from the API's value;
// the same three for a Conversation API app's secret for overridden callback URLs; and the functions
// that compute the X-Sinch-Signature header that Sinch signs their callbacks with.
package callbackconfig

import (
	"github.com/hashicorp/terraform-plugin-framework/action"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/ephemeral"
	"github.com/hashicorp/terraform-plugin-framework/function"
	"github.com/hashicorp/terraform-plugin-framework/resource"
)

// Resources, DataSources and EphemeralResources have one type per API of callbackAPIs, and one for the
// callback settings of a Conversation API app (sinch_conversation_app_callback_settings).

// Resources returns the resource types, one per API, and the app's.
func Resources() []func() resource.Resource {
	types := []func() resource.Resource{NewAppCallbackSettingsResource}
	for _, api := range callbackAPIs {
		types = append(types, func() resource.Resource { return &CallbackConfigurationResource{api: api} })
	}
	return types
}

// DataSources returns the data source types, one per API, and the app's.
func DataSources() []func() datasource.DataSource {
	types := []func() datasource.DataSource{NewAppCallbackSettingsDataSource}
	for _, api := range callbackAPIs {
		types = append(types, func() datasource.DataSource { return &CallbackConfigurationDataSource{api: api} })
	}
	return types
}

// EphemeralResources returns the ephemeral resource types, one per API, and the app's.
func EphemeralResources() []func() ephemeral.EphemeralResource {
	types := []func() ephemeral.EphemeralResource{NewAppCallbackSettingsEphemeralResource}
	for _, api := range callbackAPIs {
		types = append(types, func() ephemeral.EphemeralResource { return &CallbackConfigurationEphemeralResource{api: api} })
	}
	return types
}

// Functions returns the functions callback_signature and callback_signature_base64.
func Functions() []func() function.Function {
	return []func() function.Function{NewCallbackSignatureFunction, NewCallbackSignatureBase64Function}
}

// Actions returns the action sinch_send_test_callback, which serves every API.
func Actions() []func() action.Action {
	return []func() action.Action{NewSendTestCallbackAction}
}
