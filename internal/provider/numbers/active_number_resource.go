package numbers

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/identityschema"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/terraform-sinch/terraform-provider-sinch/internal/client"
	"github.com/terraform-sinch/terraform-provider-sinch/internal/provider/shared"
)

var (
	_ resource.ResourceWithConfigure        = &ActiveNumberResource{}
	_ resource.ResourceWithModifyPlan       = &ActiveNumberResource{}
	_ resource.ResourceWithImportState      = &ActiveNumberResource{}
	_ resource.ResourceWithConfigValidators = &ActiveNumberResource{}
	_ resource.ResourceWithIdentity         = &ActiveNumberResource{}
)

// The private state of a number, as JSON: the blocks this resource last wrote (managedKey), whose
// removal from the configuration unlinks SMS; and whether an apply ended with a provisioning under way
// (underWayKey), so that the next apply reads the number before it asks for anything.
const (
	managedKey  = "managed"
	underWayKey = "provisioning_under_way"
)

// ActiveNumberResource configures a number the project has rented. The number exists for as long as
// the project rents it: create adopts it, and destroy leaves it (and its configuration) as it is.
type ActiveNumberResource struct {
	data *shared.ProviderData
}

// NewActiveNumberResource returns the resource sinch_active_number.
func NewActiveNumberResource() resource.Resource { return &ActiveNumberResource{} }

func (r *ActiveNumberResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_active_number"
}

// IdentitySchema is the project and the number, which both replace the resource when they change.
func (r *ActiveNumberResource) IdentitySchema(_ context.Context, _ resource.IdentitySchemaRequest, resp *resource.IdentitySchemaResponse) {
	resp.IdentitySchema = identityschema.Schema{Attributes: map[string]identityschema.Attribute{
		shared.AttrProjectID: identityschema.StringAttribute{RequiredForImport: true, Description: "The Sinch project."},
		attrPhoneNumber:      identityschema.StringAttribute{RequiredForImport: true, Description: "The number, in E.164 format."},
	}}
}

func (r *ActiveNumberResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	r.data = shared.ProviderDataFrom(req.ProviderData, &resp.Diagnostics)
}

func (r *ActiveNumberResource) ConfigValidators(context.Context) []resource.ConfigValidator {
	return []resource.ConfigValidator{linkRules{}}
}

// timeout is how long an operation ("create" or "update") waits for Sinch's provisioning.
func timeout(ctx context.Context, plan tfsdk.Plan, op string, diags *diag.Diagnostics) time.Duration {
	var t timeouts.Value
	diags.Append(plan.GetAttribute(ctx, path.Root(attrTimeouts), &t)...)
	read := t.Update
	if op == "create" {
		read = t.Create
	}
	d, readDiags := read(ctx, defaultTimeout)
	diags.Append(readDiags...)
	return d
}

func (r *ActiveNumberResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	diags := &resp.Diagnostics
	calls := r.data.ActiveNumbersCalls(diags)
	config, plan := shared.ViewOf(req.Config.Raw), shared.ViewOf(req.Plan.Raw)
	projectID := shared.GetString(ctx, plan, shared.AttrProjectID, diags).ValueString()
	phoneNumber := shared.GetString(ctx, plan, attrPhoneNumber, diags).ValueString()
	wait := timeout(ctx, req.Plan, "create", diags)
	want := targetOf(ctx, config, plan, nil, diags)
	if diags.HasError() {
		return
	}
	ctx = r.data.LogContext(ctx)
	current, err := calls.Get(ctx, projectID, phoneNumber)
	switch {
	case client.IsNotFound(err) && !aboutAProject(err):
		diags.Append(notRented(projectID, phoneNumber, err, " Nothing is stored in state."))
		return
	case err != nil:
		diags.Append(shared.APIErrorDiagnostic(r.subject(projectID, phoneNumber), "read", err))
		return
	}
	r.apply(ctx, applyRequest{op: "create", wait: wait, projectID: projectID, phoneNumber: phoneNumber, want: want,
		current: current, config: config, plan: plan}, calls, &resp.State, resp.Identity, resp.Private, diags)
}

func (r *ActiveNumberResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	diags := &resp.Diagnostics
	calls := r.data.ActiveNumbersCalls(diags)
	config, plan, prior := shared.ViewOf(req.Config.Raw), shared.ViewOf(req.Plan.Raw), shared.ViewOf(req.State.Raw)
	projectID := shared.GetString(ctx, plan, shared.AttrProjectID, diags).ValueString()
	phoneNumber := shared.GetString(ctx, plan, attrPhoneNumber, diags).ValueString()
	wait := timeout(ctx, req.Plan, "update", diags)
	want := targetOf(ctx, config, plan, prior, diags)
	underWay, privateDiags := req.Private.GetKey(ctx, underWayKey)
	diags.Append(privateDiags...)
	if diags.HasError() {
		return
	}
	ctx = r.data.LogContext(ctx)
	// The state is what Sinch held at plan time; after a wait that ended early, Sinch may be provisioning
	// what the plan asks for, which is awaited rather than asked for again.
	current := numberOf(ctx, prior, diags)
	if underWay != nil {
		var err error
		if current, err = calls.Get(ctx, projectID, phoneNumber); err != nil {
			diags.Append(shared.APIErrorDiagnostic(r.subject(projectID, phoneNumber), "read", err))
			return
		}
	}
	r.apply(ctx, applyRequest{op: "update", wait: wait, projectID: projectID, phoneNumber: phoneNumber, want: want,
		current: current, config: config, plan: plan}, calls, &resp.State, resp.Identity, resp.Private, diags)
}

// applyRequest is what a create or an update applies: want, to a number Sinch has as current.
type applyRequest struct {
	op                     string
	wait                   time.Duration
	projectID, phoneNumber string
	want                   target
	current                *client.ActiveNumber
	config, plan           *shared.View
}

// apply makes Sinch hold what the request wants (see converge), within its timeout, and records in
// state what Sinch last answered: on success, what the plan said; after a FAILED provisioning or a
// timeout, what Sinch holds, so that the next plan shows what is still missing.
func (r *ActiveNumberResource) apply(ctx context.Context, a applyRequest, calls *client.ActiveNumbers, to *tfsdk.State, identity *tfsdk.ResourceIdentity, private shared.PrivateState, diags *diag.Diagnostics) {
	tflog.Debug(ctx, "Configuring the number", map[string]any{"project_id": a.projectID, "phone_number": a.phoneNumber})
	waitCtx, cancel := context.WithTimeout(ctx, a.wait)
	defer cancel()
	last, err := converge(waitCtx, calls, a.projectID, a.phoneNumber, a.want, a.current)
	var failed *provisioningFailed
	underWay := false
	switch {
	case err == nil:
	case errors.As(err, &failed):
		diags.Append(failedDiagnostic(a.projectID, a.phoneNumber, failed, last))
	case waitCtx.Err() != nil:
		underWay = true
		diags.Append(underWayDiagnostic(ctx, a.op, a.wait, a.projectID, a.phoneNumber, a.want.next(last).awaited))
	default:
		diags.Append(shared.APIErrorDiagnostic(r.subject(a.projectID, a.phoneNumber), "configure", err))
	}
	state := shared.ViewOf(a.plan.Raw())
	setNumber(ctx, last, state, diags)
	diags.Append(state.SetAttribute(ctx, path.Root(shared.AttrID), a.phoneNumber)...)
	var managed []string
	for _, block := range []string{attrSMS, attrVoice} {
		if !shared.IsNullAt(ctx, a.config, path.Root(block), diags) {
			managed = append(managed, block)
		}
	}
	raw, _ := json.Marshal(managed)
	diags.Append(private.SetKey(ctx, managedKey, raw)...)
	var underWayValue []byte
	if underWay {
		underWayValue = []byte("true")
	}
	diags.Append(private.SetKey(ctx, underWayKey, underWayValue)...)
	diags.Append(private.SetKey(ctx, shared.ImportedKey, nil)...)
	to.Raw = state.Value()
	r.setIdentity(ctx, state, identity, diags)
}

// setIdentity records the identity of a state: its project and number.
func (r *ActiveNumberResource) setIdentity(ctx context.Context, state shared.AttributeGetter, identity *tfsdk.ResourceIdentity, diags *diag.Diagnostics) {
	shared.SetIdentity(ctx, identity, map[string]any{
		shared.AttrProjectID: shared.GetString(ctx, state, shared.AttrProjectID, diags),
		attrPhoneNumber:      shared.GetString(ctx, state, attrPhoneNumber, diags),
	}, diags)
}

// managedBlocks are the blocks this resource last wrote, from private state.
func managedBlocks(ctx context.Context, private shared.PrivateState, diags *diag.Diagnostics) []string {
	raw, getDiags := private.GetKey(ctx, managedKey)
	diags.Append(getDiags...)
	var blocks []string
	if raw != nil && json.Unmarshal(raw, &blocks) != nil {
		diags.AddError("Provider error", fmt.Sprintf("The private state of the number holds %q under %q, not a list of blocks. This is a bug in the provider.", raw, managedKey))
	}
	return blocks
}

// numberOf is a number as a state records it, without a provisioning under way (a state records none).
func numberOf(ctx context.Context, state shared.AttributeGetter, diags *diag.Diagnostics) *client.ActiveNumber {
	n := &client.ActiveNumber{
		PhoneNumber: shared.GetString(ctx, state, attrPhoneNumber, diags).ValueString(),
		DisplayName: shared.GetString(ctx, state, attrDisplayName, diags).ValueString(),
		CallbackURL: shared.GetString(ctx, state, attrCallbackURL, diags).ValueString(),
		RegionCode:  shared.GetString(ctx, state, attrRegionCode, diags).ValueString(),
		Type:        shared.GetString(ctx, state, attrType, diags).ValueString(),
	}
	n.Capabilities = shared.GetStrings(ctx, state, path.Root(attrCapabilities), diags)
	if link, ok := smsLinkAt(ctx, state, diags); ok {
		n.SMS = &client.SMSConfiguration{ServicePlanID: link.ServicePlanID, CampaignID: link.CampaignID}
	}
	if link, ok := voiceLinkAt(ctx, state, diags); ok {
		n.Voice = &client.VoiceConfiguration{Type: link.Type, AppID: link.AppID, TrunkID: link.TrunkID, ServiceID: link.ServiceID}
	}
	return n
}

// Read refreshes the state from Sinch: what stands, not a provisioning under way. A number the project
// no longer rents leaves the state, with a warning; after an import, it is an error.
func (r *ActiveNumberResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	diags := &resp.Diagnostics
	calls := r.data.ActiveNumbersCalls(diags)
	state := shared.ViewOf(req.State.Raw)
	projectID := shared.GetString(ctx, state, shared.AttrProjectID, diags).ValueString()
	phoneNumber := shared.GetString(ctx, state, attrPhoneNumber, diags).ValueString()
	imported, importDiags := req.Private.GetKey(ctx, shared.ImportedKey)
	diags.Append(importDiags...)
	if diags.HasError() {
		return
	}
	number, err := calls.Get(r.data.LogContext(ctx), projectID, phoneNumber)
	switch {
	case client.IsNotFound(err) && imported != nil:
		diags.Append(shared.ImportNotFound("sinch_active_number", fmt.Sprintf("number %s of project %q", phoneNumber, projectID),
			shared.InWords(err), "This provider configures numbers a project rents already; it never rents one."))
		return
	case client.IsNotFound(err):
		diags.AddWarning("Number no longer rented", fmt.Sprintf(
			"Sinch says project %q does not rent %s (%s), so Terraform removed it from state. The next plan "+
				"proposes to configure it again, which fails until the project rents it: this provider never rents a number.",
			projectID, phoneNumber, shared.InWords(err)))
		// The framework wants an identity after any read, that of an object gone included.
		r.setIdentity(ctx, state, resp.Identity, diags)
		resp.State.RemoveResource(ctx)
		return
	case err != nil:
		diags.Append(shared.APIErrorDiagnostic(r.subject(projectID, phoneNumber), "read", err))
		return
	}
	setNumber(ctx, number, state, diags)
	diags.Append(state.SetAttribute(ctx, path.Root(shared.AttrID), phoneNumber)...)
	if imported != nil {
		diags.Append(resp.Private.SetKey(ctx, shared.ImportedKey, nil)...)
	}
	resp.State.Raw = state.Value()
	r.setIdentity(ctx, state, resp.Identity, diags)
}

// Delete makes no call: the number stays rented, with the configuration it has, as the destroy plan
// warned. Releasing a number is billable and may lose it for good, so this provider never does.
func (r *ActiveNumberResource) Delete(context.Context, resource.DeleteRequest, *resource.DeleteResponse) {
}
