package numbers

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"

	"github.com/terraform-sinch/terraform-provider-sinch/internal/client"
	"github.com/terraform-sinch/terraform-provider-sinch/internal/provider/shared"
)

// errorCodeAdvice says what to do for each error code of a FAILED SMS provisioning that Sinch's sources
// name; another code gets otherCodeAdvice.
var errorCodeAdvice = map[string]string{
	"CAMPAIGN_NOT_AVAILABLE": "the 10DLC campaign is not available to this number or service plan: check campaign_id, " +
		"and that the campaign is approved and shared with the service plan in the Sinch dashboard.",
	"EXCEEDED_10DLC_LIMIT": "the campaign has as many numbers as 10DLC allows it: link the number to another campaign, " +
		"or unlink another number from this one first.",
	"CAMPAIGN_PENDING_ACCEPTANCE": "the campaign is still waiting to be accepted: apply again once the Sinch dashboard " +
		"shows it accepted.",
	"INSUFFICIENT_BALANCE": "the account's balance does not cover the provisioning: top up the account in the Sinch " +
		"dashboard, then apply again.",
	"TFN_NOT_ALLOWED": "this toll-free number cannot be linked that way (a 10DLC campaign is for local numbers): leave " +
		"campaign_id out, or use a service plan set up for toll-free numbers.",
}

const otherCodeAdvice = "a code this provider has no advice for: look it up in Sinch's Numbers API documentation, or " +
	"ask Sinch's support, naming the number and the code."

// subject names a number in the diagnostics of its calls.
func (r *ActiveNumberResource) subject(projectID, phoneNumber string) shared.CallSubject {
	return numberSubject(r.data, projectID, phoneNumber)
}

// numberSubject names a number, or the list of a project's numbers when phoneNumber is "", in the
// diagnostics of a call.
func numberSubject(d *shared.ProviderData, projectID, phoneNumber string) shared.CallSubject {
	project := d.ProjectCheck(projectID)
	subject := shared.CallSubject{
		What:      fmt.Sprintf("the numbers of Sinch project %q", projectID),
		Kind:      "list of numbers",
		ProjectID: projectID,
		Missing:   fmt.Sprintf("project %q", projectID),
		Checks:    map[string]shared.NotFoundCheck{"": project, "project": project},
		API:       shared.NumbersAPI.Name, DefaultURL: shared.NumbersAPI.DefaultURL, URLSetting: shared.NumbersAPI.URLSetting,
	}
	if phoneNumber != "" {
		number := shared.NotFoundCheck{Text: "Check phone_number, and that the project rents the number: this provider " +
			"never rents one.", At: path.Root(attrPhoneNumber)}
		subject.What, subject.Kind = fmt.Sprintf("number %s of Sinch project %q", phoneNumber, projectID), "number's configuration"
		subject.Missing = fmt.Sprintf("number %s of project %q", phoneNumber, projectID)
		subject.Checks = map[string]shared.NotFoundCheck{"": number, "activenumber": number, "project": project}
	}
	return subject
}

// aboutAProject tells whether Sinch's NOT_FOUND says the project is missing, rather than the number.
func aboutAProject(err error) bool {
	var apiErr *client.APIError
	if errors.As(err, &apiErr) {
		for _, d := range apiErr.Details {
			if strings.EqualFold(d.ResourceType, "project") {
				return true
			}
		}
	}
	return false
}

// notRented is the error of a read of a number the project has not rented; then says what happened to
// the state, if anything.
func notRented(projectID, phoneNumber string, err error, then string) diag.Diagnostic {
	return diag.NewAttributeErrorDiagnostic(path.Root(attrPhoneNumber), "Number not rented by the project", fmt.Sprintf(
		"Sinch project %q has not rented %s (%s). This provider configures numbers a project rents already: it "+
			"never rents one, as renting is billable. Rent the number in the Sinch dashboard (or with the Numbers "+
			"API) and apply again, or check phone_number and project_id.%s",
		projectID, phoneNumber, shared.InWords(err), then))
}

// smsWords and voiceWords name a link, for messages: `service plan "p" (campaign "c")`, `Voice app "a"`.
func smsWords(l client.SMSLink) string {
	switch {
	case l.ServicePlanID == "":
		return "no service plan (unlinked)"
	case l.CampaignID == "":
		return fmt.Sprintf("service plan %q", l.ServicePlanID)
	default:
		return fmt.Sprintf("service plan %q (campaign %q)", l.ServicePlanID, l.CampaignID)
	}
}

func voiceWords(l client.VoiceLink) string {
	noun := idNoun[l.Type]
	switch id := l.AppID + l.TrunkID + l.ServiceID; {
	case noun == "":
		return fmt.Sprintf("voice type %q", l.Type)
	case id == "":
		return "no " + noun
	default:
		return fmt.Sprintf("%s %q", noun, id)
	}
}

// failedDiagnostic explains Sinch's FAILED: the links it could not make, each code with what to do, and
// the state, which holds what Sinch holds.
func failedDiagnostic(projectID, phoneNumber string, e *provisioningFailed, holds *client.ActiveNumber) diag.Diagnostic {
	var b strings.Builder
	fmt.Fprintf(&b, "Sinch could not provision number %s of project %q:", phoneNumber, projectID)
	if s := e.sms; s != nil {
		standing, _ := standingSMS(holds)
		fmt.Fprintf(&b, "\n- the SMS link to %s FAILED; the number stays linked to %s.", smsWords(smsLinkOf(s)), smsWords(standing))
		if len(s.ErrorCodes) == 0 {
			b.WriteString(" Sinch gives no error code: ask Sinch's support, naming the number.")
		}
		for _, code := range s.ErrorCodes {
			advice, known := errorCodeAdvice[code]
			if !known {
				advice = otherCodeAdvice
			}
			fmt.Fprintf(&b, "\n  - %s: %s", code, advice)
		}
	}
	if s := e.voice; s != nil {
		standing, _ := standingVoice(holds)
		link := voiceWords(voiceLinkOf(s))
		fmt.Fprintf(&b, "\n- the voice link to %s FAILED (Sinch gives no error code for voice); the number stays with %s. "+
			"Check that %s exists in the project's account, then apply again; ask Sinch's support if it does.",
			link, voiceWords(standing), link)
	}
	b.WriteString("\nTerraform stores what Sinch holds, so the next plan shows the change again; apply once the cause is fixed.")
	return diag.NewErrorDiagnostic("Sinch could not provision the number", b.String())
}

// underWayDiagnostic explains a wait that ended before Sinch's provisioning did: the timeout of the
// operation (op: "create" or "update"), or a cancelled run. The provisioning goes on at Sinch.
func underWayDiagnostic(ctx context.Context, op string, timeout time.Duration, projectID, phoneNumber string, awaited target) diag.Diagnostic {
	var links []string
	if awaited.sms != nil {
		links = append(links, "the SMS link to "+smsWords(*awaited.sms))
	}
	if awaited.voice != nil {
		links = append(links, "the voice link to "+voiceWords(*awaited.voice))
	}
	what := fmt.Sprintf("Sinch's provisioning of number %s of project %q (%s)", phoneNumber, projectID, strings.Join(links, " and "))
	next := "The next plan reads the number: if Sinch is done by then, it plans no change; otherwise it plans the " +
		"change again, and its apply waits for the provisioning under way rather than ask for it again."
	if op == "create" {
		next = "Terraform keeps the number in state, marked tainted, so the next plan replaces it: a replacement " +
			"releases nothing (destroy changes nothing at Sinch), reads the number, and waits for the provisioning " +
			"under way, or asks for what is still missing."
	}
	if ctx.Err() != nil {
		return diag.NewErrorDiagnostic("Cancelled while Sinch provisions the number", fmt.Sprintf(
			"The run was cancelled while waiting for %s. The provisioning goes on at Sinch. %s", what, next))
	}
	return diag.NewAttributeErrorDiagnostic(path.Root(attrTimeouts).AtName(op), "Sinch's provisioning outlasted the timeout", fmt.Sprintf(
		"%s did not end within the %s timeout of %s. It goes on at Sinch. %s If Sinch often takes longer, raise "+
			"timeouts.%s.", what, op, timeout, next, op))
}
