package client

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strings"
)

// ActiveNumbers calls the Numbers API's active numbers at one base URL (the host of the Numbers API's
// callback configuration): where the traffic and provisioning events of a number the project has rented
// go. It never rents nor releases a number: those calls cost money, and a released number may be gone
// for good.
type ActiveNumbers struct {
	client  *Client
	baseURL string
}

// ActiveNumbers returns the calls at baseURL, such as https://numbers.api.sinch.com. It makes no request.
func (c *Client) ActiveNumbers(baseURL string) (*ActiveNumbers, error) {
	u, err := url.Parse(baseURL)
	if err != nil || !u.IsAbs() || u.Host == "" {
		return nil, fmt.Errorf("sinch: the Numbers API's URL %q is not an absolute URL", baseURL)
	}
	return &ActiveNumbers{client: c, baseURL: strings.TrimSuffix(baseURL, "/")}, nil
}

// ActiveNumber is a number the project has rented, as Sinch answers it (the fields the provider uses).
type ActiveNumber struct {
	PhoneNumber, ProjectID, DisplayName string
	// RegionCode is the number's country, such as US; Type is MOBILE, LOCAL or TOLL_FREE; Capabilities
	// are SMS and VOICE.
	RegionCode, Type string
	Capabilities     []string
	// CallbackURL receives the number's provisioning events; "" is none.
	CallbackURL string
	SMS         *SMSConfiguration
	Voice       *VoiceConfiguration
}

// SMSConfiguration links a number to an SMS service plan (and a campaign); ServicePlanID "" is none.
// Scheduled is a link being made (WAITING, IN_PROGRESS) or that failed (FAILED); nil once it stands.
type SMSConfiguration struct {
	ServicePlanID, CampaignID string
	Scheduled                 *ScheduledProvisioning
}

// VoiceConfiguration links a number to a Voice app (Type RTC, AppID), a SIP trunk (EST, TrunkID) or a
// fax service (FAX, ServiceID). Scheduled is as for SMS.
type VoiceConfiguration struct {
	Type, AppID, TrunkID, ServiceID string
	Scheduled                       *ScheduledProvisioning
}

// ScheduledProvisioning is a change of a number's configuration that Sinch has not applied yet (Status
// WAITING or IN_PROGRESS), or that failed (FAILED, with ErrorCodes for SMS): the SMS link's fields, or
// the voice link's.
type ScheduledProvisioning struct {
	ServicePlanID, CampaignID       string
	Type, AppID, TrunkID, ServiceID string
	Status                          string
	ErrorCodes                      []string
}

// The statuses of a scheduled provisioning; once done, it is gone.
const (
	ProvisioningWaiting    = "WAITING"
	ProvisioningInProgress = "IN_PROGRESS"
	ProvisioningFailed     = "FAILED"
)

// ActiveNumberUpdate is what an update sets; nil leaves a field as it is. Sinch refuses an empty
// configuration object, so a configuration is sent whole or not at all.
type ActiveNumberUpdate struct {
	DisplayName, CallbackURL *string
	SMS                      *SMSLink
	Voice                    *VoiceLink
}

// SMSLink is the SMS configuration to set: ServicePlanID "" (and CampaignID "") unlinks the number.
type SMSLink struct {
	ServicePlanID, CampaignID string
}

// VoiceLink is the voice configuration to set: a type and the ID that type takes.
type VoiceLink struct {
	Type, AppID, TrunkID, ServiceID string
}

// ActiveNumberFilter narrows a list; "" is no filter.
type ActiveNumberFilter struct {
	RegionCode, Type, Capability string
}

func (a *ActiveNumbers) url(projectID, phoneNumber string) string {
	// The "+" of E.164 is escaped, as Sinch's SDKs send it.
	return a.baseURL + "/v1/projects/" + url.PathEscape(projectID) + "/activeNumbers/" +
		strings.ReplaceAll(url.PathEscape(phoneNumber), "+", "%2B")
}

// Get reads a number the project has rented; Sinch's 404 (IsNotFound) is a number it has not.
func (a *ActiveNumbers) Get(ctx context.Context, projectID, phoneNumber string) (*ActiveNumber, error) {
	resp, err := a.client.call(ctx, request{method: http.MethodGet, url: a.url(projectID, phoneNumber)})
	if err != nil {
		return nil, err
	}
	return decodeActiveNumberAnswer(resp, phoneNumber)
}

// Update sets what the update names, with one PATCH, and returns the number as Sinch answers it: a
// change of a link shows as scheduled until Sinch has applied it.
func (a *ActiveNumbers) Update(ctx context.Context, projectID, phoneNumber string, update ActiveNumberUpdate) (*ActiveNumber, error) {
	body := map[string]any{}
	if update.DisplayName != nil {
		body["displayName"] = *update.DisplayName
	}
	if update.CallbackURL != nil {
		body["callbackUrl"] = *update.CallbackURL
	}
	if l := update.SMS; l != nil {
		body["smsConfiguration"] = map[string]string{"servicePlanId": l.ServicePlanID, "campaignId": l.CampaignID}
	}
	if l := update.Voice; l != nil {
		voice := map[string]string{"type": l.Type}
		for name, id := range map[string]string{"appId": l.AppID, "trunkId": l.TrunkID, "serviceId": l.ServiceID} {
			if id != "" {
				voice[name] = id
			}
		}
		body["voiceConfiguration"] = voice
	}
	raw, err := json.Marshal(body)
	if err != nil {
		return nil, err
	}
	resp, err := a.client.call(ctx, request{method: http.MethodPatch, url: a.url(projectID, phoneNumber), body: raw})
	if err != nil {
		return nil, err
	}
	return decodeActiveNumberAnswer(resp, phoneNumber)
}

// List reads the numbers a project has rented that match the filter, page after page to the end.
func (a *ActiveNumbers) List(ctx context.Context, projectID string, filter ActiveNumberFilter) ([]ActiveNumber, error) {
	var numbers []ActiveNumber
	err := a.Pages(ctx, projectID, filter, func(page []ActiveNumber) bool {
		numbers = append(numbers, page...)
		return true
	})
	if err != nil {
		return nil, err
	}
	return numbers, nil
}

// Pages reads the numbers as List does, and gives each page to yield as it comes; it asks for no more
// pages once yield returns false.
func (a *ActiveNumbers) Pages(ctx context.Context, projectID string, filter ActiveNumberFilter, yield func([]ActiveNumber) bool) error {
	for token, pages := "", 0; ; pages++ {
		query := url.Values{}
		for name, value := range map[string]string{"regionCode": filter.RegionCode, "type": filter.Type, "capability": filter.Capability, "pageToken": token} {
			if value != "" {
				query.Set(name, value)
			}
		}
		endpoint := a.baseURL + "/v1/projects/" + url.PathEscape(projectID) + "/activeNumbers"
		if len(query) > 0 {
			endpoint += "?" + query.Encode()
		}
		resp, err := a.client.call(ctx, request{method: http.MethodGet, url: endpoint})
		if err != nil {
			return err
		}
		fields := jsonObject(resp.body)
		raw, ok := fields["activeNumbers"]
		if fields == nil || ok && string(raw) != "null" && jsonArray(raw) == nil {
			return resp.unexpected("it is not JSON of the documented shape")
		}
		var page []ActiveNumber
		for _, entry := range jsonArray(raw) {
			number, err := decodeActiveNumber(entry)
			if err != nil || number.PhoneNumber == "" {
				return resp.unexpected("a number of the list is not JSON of the documented shape")
			}
			page = append(page, *number)
		}
		next := jsonString(fields["nextPageToken"])
		switch {
		case !yield(page), next == "":
			return nil
		case next == token || pages >= maxNumberPages:
			return resp.unexpected("its pages do not end")
		}
		token = next
	}
}

// maxNumberPages bounds the pages of one list of numbers, against an answer that does not end.
const maxNumberPages = 10000

func decodeActiveNumberAnswer(resp *answer, phoneNumber string) (*ActiveNumber, error) {
	number, err := decodeActiveNumber(resp.body)
	switch {
	case err != nil:
		return nil, resp.unexpected(err.Error())
	case number.PhoneNumber != "" && number.PhoneNumber != phoneNumber:
		return nil, resp.unexpected("it is about another number")
	}
	number.PhoneNumber = phoneNumber
	return number, nil
}

// decodeActiveNumber decodes a number of an answer, keys matched exactly, the fields the provider uses
// (the others, such as money, are not read).
func decodeActiveNumber(raw json.RawMessage) (*ActiveNumber, error) {
	fields := jsonObject(raw)
	if fields == nil {
		return nil, fmt.Errorf("it is not JSON of the documented shape")
	}
	d := exactDecoder{fields: fields}
	n := &ActiveNumber{PhoneNumber: d.string("phoneNumber"), ProjectID: d.string("projectId"), DisplayName: d.string("displayName"),
		RegionCode: d.string("regionCode"), Type: d.string("type"), Capabilities: d.strings("capability"), CallbackURL: d.string("callbackUrl")}
	if sms := d.object("smsConfiguration"); sms != nil {
		s := exactDecoder{fields: sms}
		n.SMS = &SMSConfiguration{ServicePlanID: s.string("servicePlanId"), CampaignID: s.string("campaignId"),
			Scheduled: decodeScheduled(&s, "scheduledProvisioning")}
		d.failed = d.failed || s.failed
	}
	if voice := d.object("voiceConfiguration"); voice != nil {
		v := exactDecoder{fields: voice}
		n.Voice = &VoiceConfiguration{Type: v.string("type"), AppID: v.string("appId"), TrunkID: v.string("trunkId"),
			ServiceID: v.string("serviceId"), Scheduled: decodeScheduled(&v, "scheduledVoiceProvisioning")}
		d.failed = d.failed || v.failed
	}
	if d.failed {
		return nil, fmt.Errorf("it is not JSON of the documented shape")
	}
	return n, nil
}

func decodeScheduled(d *exactDecoder, key string) *ScheduledProvisioning {
	raw := d.object(key)
	if raw == nil {
		return nil
	}
	s := exactDecoder{fields: raw}
	scheduled := &ScheduledProvisioning{ServicePlanID: s.string("servicePlanId"), CampaignID: s.string("campaignId"),
		Type: s.string("type"), AppID: s.string("appId"), TrunkID: s.string("trunkId"), ServiceID: s.string("serviceId"),
		Status: s.string("status"), ErrorCodes: s.strings("errorCodes")}
	d.failed = d.failed || s.failed
	return scheduled
}
