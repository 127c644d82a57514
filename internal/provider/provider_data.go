package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/terraform-sinch/terraform-provider-sinch/internal/client"
)

// providerData is what resources and data sources receive from Configure.
type providerData struct {
	client *client.Client
	// projectID is the default project: the provider's project_id or SINCH_PROJECT_ID, or empty.
	projectID string
	// keySecret is masked in the log entries of every operation.
	keySecret string
}

// logContext returns ctx with the access key's secret and the given secrets masked in every log entry
// made with it, the client's included. Operations call it once, before their first call to Sinch.
func (d *providerData) logContext(ctx context.Context, secrets ...string) context.Context {
	return maskSecrets(ctx, append(secrets, d.keySecret)...)
}

// providerDataFrom unpacks what Configure handed over; it is nil before the provider is configured.
func providerDataFrom(data any, diags *diag.Diagnostics) *providerData {
	if data == nil {
		return nil
	}
	d, ok := data.(*providerData)
	if !ok {
		diags.AddError("Unexpected provider data", fmt.Sprintf("Expected *providerData, got %T. This is a bug in the provider.", data))
	}
	return d
}

// resolveProjectID returns the project a resource or data source addresses: its own project_id, else
// the provider's. It is unknown while the configured one is, and null (with an error) when there is none.
func resolveProjectID(configured types.String, data *providerData, diags *diag.Diagnostics) types.String {
	switch {
	case !configured.IsNull():
		return configured
	case data.projectID != "":
		return types.StringValue(data.projectID)
	default:
		diags.AddAttributeError(path.Root("project_id"), "Missing Sinch project",
			"No project is named: set project_id here, or project_id in the provider block, "+
				"or the SINCH_PROJECT_ID environment variable.")
		return types.StringNull()
	}
}

// readCallbackConfiguration reads the configuration of the project that a data source or ephemeral
// resource names (or the provider's default). It returns false after adding an error.
func (d *providerData) readCallbackConfiguration(ctx context.Context, configured types.String, diags *diag.Diagnostics) (projectID types.String, secret types.String, ok bool) {
	projectID = resolveProjectID(configured, d, diags)
	if projectID.IsNull() {
		return projectID, secret, false
	}
	answer, err := d.client.CallbackConfiguration(d.logContext(ctx), projectID.ValueString())
	if err != nil {
		diags.Append(apiErrorDiagnostic("read", projectID.ValueString(), err))
		return projectID, secret, false
	}
	return projectID, types.StringValue(answer.HMACSecret), true
}
