package provider

import (
	"context"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-validators/numbervalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/terraform-sinch/terraform-provider-sinch/internal/client"
)

var (
	_ resource.ResourceWithConfigure        = &CallbackConfigurationResource{}
	_ resource.ResourceWithModifyPlan       = &CallbackConfigurationResource{}
	_ resource.ResourceWithImportState      = &CallbackConfigurationResource{}
	_ resource.ResourceWithConfigValidators = &CallbackConfigurationResource{}
)

// CallbackConfigurationResource manages the HMAC secret of a project's callback configuration in one
// API. The configuration exists for as long as the project does, so create adopts it and destroy
// leaves it.
type CallbackConfigurationResource struct {
	api  callbackAPI
	data *providerData
}

// CallbackConfigurationResourceModel is the resource's state, as put writes it.
type CallbackConfigurationResourceModel struct {
	ID                  types.String `tfsdk:"id"`
	ProjectID           types.String `tfsdk:"project_id"`
	HMACSecret          types.String `tfsdk:"hmac_secret"`
	HMACSecretWO        types.String `tfsdk:"hmac_secret_wo"`
	HMACSecretWOVersion types.Number `tfsdk:"hmac_secret_wo_version"`
	HMACSecretWOStatus  types.String `tfsdk:"hmac_secret_wo_status"`
}

func (r *CallbackConfigurationResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_" + r.api.typeName
}

func (r *CallbackConfigurationResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: r.api.resourceDescription(),
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{
				MarkdownDescription: "The project ID.",
				Computed:            true,
			},
			"project_id": schema.StringAttribute{
				MarkdownDescription: "The Sinch project. Defaults to the provider's `project_id`. Changing it " +
					"replaces the resource: Terraform stops managing the old project's configuration and sets the new one's.",
				Optional:   true,
				Computed:   true,
				Validators: []validator.String{projectIDValidator},
			},
			"hmac_secret": schema.StringAttribute{
				MarkdownDescription: "The HMAC secret with which Sinch signs callbacks (HMAC-SHA1 of the body). " +
					"Sensitive: hidden from plan output, but stored in state. Set this or `hmac_secret_wo`. A plan warns " +
					"of a secret with white space at either end, or shorter than 16 characters.",
				Optional:   true,
				Sensitive:  true,
				Validators: []validator.String{stringvalidator.LengthAtLeast(1), secretWarnings{}},
			},
			"hmac_secret_wo": schema.StringAttribute{
				MarkdownDescription: "The HMAC secret, write-only: sent to Sinch but never stored in the plan or the " +
					"state (Terraform 1.11 and later). Set this or `hmac_secret`. Without `hmac_secret_wo_version`, a " +
					"change of the value is noticed through a salted digest kept in private state and written; with " +
					"it, the value is written only when the version changes. A plan warns of a secret with white " +
					"space at either end, or shorter than 16 characters.",
				Optional:   true,
				Sensitive:  true,
				WriteOnly:  true,
				Validators: []validator.String{stringvalidator.LengthAtLeast(1), secretWarnings{}},
			},
			"hmac_secret_wo_version": schema.NumberAttribute{
				MarkdownDescription: "Any number; it says when to write `hmac_secret_wo`: when it is set, the " +
					"secret is written on create and whenever the number changes, and a new value of `hmac_secret_wo` " +
					"alone writes nothing (for a value made anew on every run, such as an ephemeral random password). " +
					"Only with `hmac_secret_wo`.",
				Optional: true,
				Validators: []validator.Number{
					numbervalidator.AlsoRequires(path.MatchRoot("hmac_secret_wo")),
				},
			},
			"hmac_secret_wo_status": schema.StringAttribute{
				MarkdownDescription: "With `hmac_secret_wo`: `applied` when Sinch holds the secret Terraform last " +
					"sent, `drifted` when a refresh found another secret there, or none (the next apply sends " +
					"`hmac_secret_wo` again; with `hmac_secret_wo_version`, once the version changes). Null with `hmac_secret`.",
				Computed: true,
			},
		},
	}
}

func (r *CallbackConfigurationResource) ConfigValidators(context.Context) []resource.ConfigValidator {
	return []resource.ConfigValidator{oneSecretValidator{}}
}

func (r *CallbackConfigurationResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	r.data = providerDataFrom(req.ProviderData, &resp.Diagnostics)
}

// ModifyPlan fills project_id from the provider when the resource names none, so the plan shows the
// project that will be written, replaces the resource when the project changes, warns when another
// resource of the run sets the same project, and in write-only mode plans hmac_secret_wo_status so that
// a secret to write makes an update.
func (r *CallbackConfigurationResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if req.Plan.Raw.IsNull() || r.data == nil {
		return
	}
	diags := &resp.Diagnostics
	configured := getString(ctx, req.Config, "project_id", diags)
	plan := writeOnlyPlan{
		configured: getString(ctx, req.Config, "hmac_secret_wo", diags),
		version:    getNumber(ctx, req.Config, "hmac_secret_wo_version", diags),
	}
	existing := !req.State.Raw.IsNull()
	var priorProject types.String
	if existing {
		priorProject = getString(ctx, req.State, "project_id", diags)
		plan.priorStatus = getString(ctx, req.State, "hmac_secret_wo_status", diags)
		plan.priorVersion = getNumber(ctx, req.State, "hmac_secret_wo_version", diags)
	}
	if diags.HasError() {
		return
	}

	projectID := resolveProjectID(configured, r.data, diags)
	if projectID.IsNull() {
		return
	}
	diags.Append(resp.Plan.SetAttribute(ctx, path.Root("project_id"), projectID)...)
	diags.Append(resp.Plan.SetAttribute(ctx, path.Root("id"), projectID)...)
	// An unknown project may turn out to be another one, so it replaces too.
	if existing && !priorProject.Equal(projectID) {
		resp.RequiresReplace = append(resp.RequiresReplace, path.Root("project_id"))
	}
	if !projectID.IsUnknown() {
		r.data.plans.add(ctx, r.api.terraformType(), projectID.ValueString(), diags)
	}

	status := types.StringNull()
	if !plan.configured.IsNull() {
		var digestDiags diag.Diagnostics
		plan.digest, digestDiags = loadDigest(ctx, req.Private)
		diags.Append(digestDiags...)
		status = plannedWriteOnlyStatus(plan)
		if status.ValueString() == statusDrifted {
			diags.AddAttributeWarning(path.Root("hmac_secret_wo_version"), "Sinch holds another secret", fmt.Sprintf(
				"In the %s API, Sinch holds a secret for project %q other than the one Terraform last wrote, or "+
					"none. Since hmac_secret_wo_version is set, hmac_secret_wo is written only when the version "+
					"changes: change hmac_secret_wo_version to write it again.", r.api.Name, projectID.ValueString()))
		}
	}
	diags.Append(resp.Plan.SetAttribute(ctx, path.Root("hmac_secret_wo_status"), status)...)
}

func (r *CallbackConfigurationResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	r.put(ctx, req.Config, req.Plan, &resp.State, resp.Private, &resp.Diagnostics)
}

func (r *CallbackConfigurationResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	r.put(ctx, req.Config, req.Plan, &resp.State, resp.Private, &resp.Diagnostics)
}

// put writes the configured secret and records it once Sinch's answer confirms it: the secret itself
// with hmac_secret, only its digest (in private state) with hmac_secret_wo. There is no read after the
// write, since the answer is the configuration.
func (r *CallbackConfigurationResource) put(ctx context.Context, config tfsdk.Config, plan tfsdk.Plan, state *tfsdk.State, private privateState, diags *diag.Diagnostics) {
	calls := r.data.callbackConfigurations(r.api, diags)
	// Write-only values are in the configuration only, never in the plan.
	writeOnly := getString(ctx, config, "hmac_secret_wo", diags)
	plaintext := getString(ctx, plan, "hmac_secret", diags)
	projectID := getString(ctx, plan, "project_id", diags).ValueString()
	version := getNumber(ctx, plan, "hmac_secret_wo_version", diags)
	if diags.HasError() {
		return
	}
	secret := plaintext.ValueString()
	if !writeOnly.IsNull() {
		secret = writeOnly.ValueString()
	}
	ctx = r.data.logContext(ctx, secret)
	tflog.Debug(ctx, "Setting the callback configuration", map[string]any{
		"project_id": projectID, "write_only": !writeOnly.IsNull(),
	})
	if _, err := calls.Update(ctx, projectID, secret); err != nil {
		diags.Append(apiErrorDiagnostic(r.api, "set", projectID, err))
		return
	}

	// The client returned only once Sinch's answer named the secret sent, or none: what was sent is
	// what Sinch holds.
	result := CallbackConfigurationResourceModel{
		ID:                  types.StringValue(projectID),
		ProjectID:           types.StringValue(projectID),
		HMACSecret:          types.StringValue(secret),
		HMACSecretWOVersion: version,
		HMACSecretWOStatus:  types.StringNull(),
	}
	var digest *secretDigest
	if !writeOnly.IsNull() {
		d := newSecretDigest(secret)
		digest = &d
		result.HMACSecret = types.StringNull()
		result.HMACSecretWOStatus = types.StringValue(statusApplied)
	}
	diags.Append(storeDigest(ctx, private, digest)...)
	diags.Append(state.Set(ctx, result)...)
}

// Read refreshes the state from Sinch. In write-only mode (hmac_secret_wo_status is set) it stores no
// secret, only whether Sinch still holds the one last written. Like the other hot paths, it reads and
// writes single attributes rather than the whole model: see attributes.go.
func (r *CallbackConfigurationResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	calls := r.data.callbackConfigurations(r.api, &resp.Diagnostics)
	projectID := getString(ctx, req.State, "project_id", &resp.Diagnostics)
	secret := getString(ctx, req.State, "hmac_secret", &resp.Diagnostics)
	status := getString(ctx, req.State, "hmac_secret_wo_status", &resp.Diagnostics)
	digest, diags := loadDigest(ctx, req.Private)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx = r.data.logContext(ctx, secret.ValueString())
	answer, err := calls.Get(ctx, projectID.ValueString())
	if client.IsNotFound(err) {
		resp.Diagnostics.AddWarning("Sinch project no longer exists", fmt.Sprintf(
			"Sinch says project %q does not exist, so Terraform removed its callback configuration from state. "+
				"The next plan proposes to set it again, which fails until the project exists.", projectID.ValueString()))
		resp.State.RemoveResource(ctx)
		return
	}
	if err != nil {
		resp.Diagnostics.Append(apiErrorDiagnostic(r.api, "read", projectID.ValueString(), err))
		return
	}

	if status.IsNull() {
		resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("hmac_secret"), optionalSecret(answer.HMACSecret))...)
		return
	}
	if digest == nil && answer.HMACSecret != "" {
		// An import in write-only mode (or a lost digest): what Sinch holds becomes the secret last
		// written, so that the plan compares the configured secret with it.
		d := newSecretDigest(answer.HMACSecret)
		digest = &d
		resp.Diagnostics.Append(storeDigest(ctx, resp.Private, digest)...)
	}
	status = types.StringValue(statusDrifted)
	if digest != nil && digest.matches(answer.HMACSecret) {
		status = types.StringValue(statusApplied)
	}
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("hmac_secret_wo_status"), status)...)
}

// Delete makes no call: the API cannot delete a callback configuration. The secret stays at Sinch.
func (r *CallbackConfigurationResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var projectID types.String
	resp.Diagnostics.Append(req.State.GetAttribute(ctx, path.Root("project_id"), &projectID)...)
	resp.Diagnostics.AddWarning("Callback configuration left in place at Sinch", fmt.Sprintf(
		"Sinch has no way to delete a callback configuration, so the HMAC secret of project %q in the %s API "+
			"stays as it is and Sinch keeps signing callbacks with it. Terraform only stopped managing it. To make "+
			"the old secret useless, set a new one before removing the resource.", projectID.ValueString(), r.api.Name))
}

// writeOnlyImportSuffix ends an import ID that imports in write-only mode.
const writeOnlyImportSuffix = ":write-only"

// ImportState takes a project ID, which imports the secret into state (as hmac_secret keeps it), or
// "<project ID>:write-only", which imports only a digest of it (as hmac_secret_wo keeps it). Import
// cannot see the configuration, so the ID says which. Read then fetches the secret.
func (r *CallbackConfigurationResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	projectID, writeOnly := strings.CutSuffix(req.ID, writeOnlyImportSuffix)
	if err := checkProjectID(projectID); err != nil {
		resp.Diagnostics.AddError("Invalid import ID", fmt.Sprintf(
			"Import %s by project ID, or by \"<project ID>%s\" when the configuration uses hmac_secret_wo: %s.",
			r.api.terraformType(), writeOnlyImportSuffix, err))
		return
	}
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("project_id"), projectID)...)
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("id"), projectID)...)
	if writeOnly {
		// The status marks write-only mode; Read sets it from what Sinch holds.
		resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("hmac_secret_wo_status"), statusApplied)...)
	}
}
