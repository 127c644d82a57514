package callbackconfig

import (
	"context"
	"fmt"
	"maps"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/action"
	"github.com/hashicorp/terraform-plugin-framework/action/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"

	"github.com/terraform-sinch/terraform-provider-sinch/internal/provider/shared"
	"github.com/terraform-sinch/terraform-provider-sinch/internal/provider/testcallback"
)

var _ action.ActionWithConfigure = &SendTestCallbackAction{}

// SendTestCallbackAction sends a handler a test callback of an API with a callback configuration,
// signed with the secret Sinch holds for the project, and a forged one (see testcallback.Test).
type SendTestCallbackAction struct {
	data *shared.ProviderData
}

// NewSendTestCallbackAction returns the action sinch_send_test_callback.
func NewSendTestCallbackAction() action.Action { return &SendTestCallbackAction{} }

const (
	attrAPI = "api"
	attrURL = "url"
)

// actionName is the API's name in the action's api attribute: its key, in Terraform's style.
func (a callbackAPI) actionName() string { return strings.ReplaceAll(a.Key, "-", "_") }

// apiNamed is the API of an action's api attribute, and whether there is one.
func apiNamed(name string) (callbackAPI, bool) {
	for _, api := range callbackAPIs {
		if api.actionName() == name {
			return api, true
		}
	}
	return callbackAPI{}, false
}

func (a *SendTestCallbackAction) Metadata(_ context.Context, req action.MetadataRequest, resp *action.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_send_test_callback"
}

func (a *SendTestCallbackAction) Schema(_ context.Context, _ action.SchemaRequest, resp *action.SchemaResponse) {
	var names, apis []string
	for _, api := range callbackAPIs {
		names = append(names, api.actionName())
		apis = append(apis, fmt.Sprintf("`%s` (%s, `%s`)", api.actionName(), api.Name, api.terraformType()))
	}
	attributes := map[string]schema.Attribute{
		attrAPI: schema.StringAttribute{
			MarkdownDescription: "The API whose callback to send, signed with the project's secret in its callback configuration: " +
				strings.Join(apis, ", ") + ".",
			Required: true, Validators: []validator.String{stringvalidator.OneOf(names...)}},
		shared.AttrProjectID: schema.StringAttribute{MarkdownDescription: "The Sinch project. Defaults to the provider's `project_id`.",
			Optional: true, Validators: []validator.String{shared.ProjectIDValidator}},
		attrURL: schema.StringAttribute{
			MarkdownDescription: "The URL of the callback handler: `https://`, or `http://` on a loopback host (`localhost`, " +
				"`127.0.0.0/8`, `::1`).",
			Required: true, Validators: []validator.String{testcallback.TargetValidator}},
	}
	maps.Copy(attributes, testcallback.Attributes(testcallback.CallbackSignatureHeader))
	resp.Schema = schema.Schema{
		MarkdownDescription: "Sends a callback handler a test callback of an API with a callback configuration, as Sinch " +
			"sends one: it reads the project's HMAC secret in that API from Sinch, signs a sample event of the API with it " +
			"(`X-Sinch-Signature`), and fails unless the handler accepts it (2xx); then it sends the same event with a wrong " +
			"signature, and fails unless the handler refuses it (4xx). Needs Terraform 1.14 or later. It calls `GET` on the " +
			"API's callback configuration.",
		Attributes: attributes,
	}
}

func (a *SendTestCallbackAction) Configure(_ context.Context, req action.ConfigureRequest, resp *action.ConfigureResponse) {
	a.data = shared.ProviderDataFrom(req.ProviderData, &resp.Diagnostics)
}

func (a *SendTestCallbackAction) Invoke(ctx context.Context, req action.InvokeRequest, resp *action.InvokeResponse) {
	diags := &resp.Diagnostics
	name := shared.GetString(ctx, req.Config, attrAPI, diags).ValueString()
	target := shared.GetString(ctx, req.Config, attrURL, diags).ValueString()
	configured := shared.GetString(ctx, req.Config, shared.AttrProjectID, diags)
	options := testcallback.OptionsFrom(ctx, req.Config, diags)
	api, ok := apiNamed(name)
	if !ok {
		// The validator refused it already.
		diags.AddError("Unknown API", fmt.Sprintf("%q is not an API with a callback configuration.", name))
	}
	if diags.HasError() {
		return
	}
	testcallback.ProgressOf(resp)(fmt.Sprintf("Reading the callback configuration of the %s API from Sinch: the project's HMAC secret", api.Name))
	projectID, secret, ok := readCallbackConfiguration(ctx, a.data, api, configured, diags)
	if !ok {
		return
	}
	if secret.IsNull() {
		diags.AddError("Project without a callback secret", fmt.Sprintf(
			"Project %q has no HMAC secret in the %s API, so Sinch sends its callbacks unsigned and no handler can tell them "+
				"from forged ones. Set one with %s, make the handler check %s with it, and run the test again.",
			projectID.ValueString(), api.Name, api.terraformType(), testcallback.CallbackSignatureHeader))
		return
	}
	testcallback.Test{
		Target: target, TargetIs: attrURL, Event: api.Name + " API",
		Body:   testcallback.CallbackSample(api.CallbackAPI, projectID.ValueString(), time.Now()),
		Scheme: testcallback.CallbackSignatureScheme, Secret: secret.ValueString(),
		SecretIs: fmt.Sprintf("project %q's HMAC secret in the %s API", projectID.ValueString(), api.Name),
		Options:  options,
	}.Invoke(ctx, a.data, resp)
}
