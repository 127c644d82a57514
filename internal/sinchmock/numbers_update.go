package sinchmock

import (
	"encoding/json"
	"fmt"
	"mime"
	"net/http"
	"slices"
	"sort"
	"time"
)

// numberUpdate is a PATCH of an active number: nil is a field left out (or null, which the API treats
// alike).
type numberUpdate struct {
	displayName, callbackURL *string
	sms                      *smsUpdate
	voice                    *VoiceConfiguration // its type, and the ID of that type ("" unlinks)
}

type smsUpdate struct {
	servicePlanID, campaignID *string
}

// voiceIDs names the ID that each voice type links to.
var voiceIDs = map[string]string{"RTC": "appId", "EST": "trunkId", "FAX": "serviceId"}

// updateActiveNumber changes a number: displayName and callbackUrl at once; an SMS or voice link by a
// provisioning (numbers_provisioning.go). The rules, each refused with 400 before anything changes:
//
//   - an empty smsConfiguration or voiceConfiguration is INVALID_ARGUMENT: leave out what does not change;
//   - servicePlanId "" unlinks SMS (with campaignId "", or left out), by a provisioning as a link is,
//     since Sinch deprovisions asynchronously too;
//   - a number linked to a service plan must be unlinked before it is linked to another
//     (FAILED_PRECONDITION); a new campaign on the same plan needs no unlink;
//   - a voice link names its type, and the ID of that type (RTC appId, EST trunkId, FAX serviceId; ""
//     unlinks), and no other;
//   - while a provisioning runs, asking for what it makes changes nothing, and asking for something else
//     is FAILED_PRECONDITION; asking for what stands changes nothing (a FAILED provisioning stays shown).
func (s *Server) updateActiveNumber(_ API, w http.ResponseWriter, r *http.Request) {
	if mediaType, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type")); mediaType != "application/json" {
		writeError(w, http.StatusUnsupportedMediaType, "INVALID_ARGUMENT", "Content-Type must be application/json.")
		return
	}
	fields, ok := jsonBody(w, r)
	if !ok {
		return
	}
	update, field, violation := parseNumberUpdate(fields)
	if violation != "" {
		writeViolation(w, field, violation)
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	n := s.activeNumberOf(w, r)
	if n == nil {
		return
	}
	now, takes := s.now(), s.opts.NumberProvisioningTime
	n.settle(now, takes)
	sms, refused := n.smsTarget(update.sms, now, takes)
	if refused != nil {
		refused(w)
		return
	}
	voice, refused := n.voiceTarget(update.voice, now, takes)
	if refused != nil {
		refused(w)
		return
	}
	if update.displayName != nil {
		n.standing.DisplayName = *update.displayName
	}
	if update.callbackURL != nil {
		n.standing.CallbackURL = *update.callbackURL
	}
	if sms != nil || voice != nil {
		started := provisioning{started: now, errorCodes: n.failNext}
		n.failNext = nil
		if sms != nil {
			sms.provisioning = started
			n.sms = sms
		}
		if voice != nil {
			voice.provisioning = started
			n.voice = voice
		}
	}
	writeJSON(w, http.StatusOK, n.view(now, takes))
}

// refusal answers why an update is refused.
type refusal func(http.ResponseWriter)

func preconditionFailed(field, message string) refusal {
	return func(w http.ResponseWriter) {
		writeError(w, http.StatusBadRequest, "FAILED_PRECONDITION", message,
			detail{"type": "BadRequest", "fieldViolations": []map[string]string{{"field": field, "description": message}}})
	}
}

// smsTarget is the SMS link an update asks to provision, nil when it asks for none (or for what stands
// or is being made), or why it is refused.
func (n *activeNumber) smsTarget(update *smsUpdate, now time.Time, takes time.Duration) (*scheduledSMS, refusal) {
	if update == nil {
		return nil, nil
	}
	phoneNumber, standing := n.standing.PhoneNumber, n.standing.SMSConfiguration
	if standing == nil {
		return nil, func(w http.ResponseWriter) {
			writeViolation(w, "smsConfiguration", fmt.Sprintf("%s has no SMS capability.", phoneNumber))
		}
	}
	running := n.sms != nil && n.sms.running(now, takes)
	current := &scheduledSMS{servicePlanID: standing.ServicePlanID, campaignID: standing.CampaignID}
	if running {
		current = n.sms
	}
	target := &scheduledSMS{servicePlanID: current.servicePlanID, campaignID: current.campaignID}
	if update.servicePlanID != nil && *update.servicePlanID != current.servicePlanID {
		target.servicePlanID, target.campaignID = *update.servicePlanID, ""
	}
	if update.campaignID != nil {
		target.campaignID = *update.campaignID
	}
	switch {
	case target.servicePlanID == "" && target.campaignID != "":
		return nil, func(w http.ResponseWriter) {
			writeViolation(w, "smsConfiguration.campaignId", "A campaign needs a service plan: set servicePlanId too.")
		}
	case running && target.servicePlanID == current.servicePlanID && target.campaignID == current.campaignID:
		return nil, nil
	case running:
		return nil, preconditionFailed("smsConfiguration", fmt.Sprintf("Number %s is being provisioned to service plan %q; wait until that is done before changing it again.",
			phoneNumber, current.servicePlanID))
	case target.servicePlanID == standing.ServicePlanID && target.campaignID == standing.CampaignID:
		return nil, nil
	case standing.ServicePlanID != "" && target.servicePlanID != "" && target.servicePlanID != standing.ServicePlanID:
		return nil, preconditionFailed("smsConfiguration.servicePlanId", fmt.Sprintf(
			"Number %s is linked to service plan %s: unlink it first (servicePlanId \"\"), and link it to %s once that is done.",
			phoneNumber, standing.ServicePlanID, target.servicePlanID))
	}
	return target, nil
}

// voiceTarget is smsTarget for the voice link.
func (n *activeNumber) voiceTarget(update *VoiceConfiguration, now time.Time, takes time.Duration) (*scheduledVoice, refusal) {
	if update == nil {
		return nil, nil
	}
	phoneNumber, standing := n.standing.PhoneNumber, n.standing.VoiceConfiguration
	if standing == nil {
		return nil, func(w http.ResponseWriter) {
			writeViolation(w, "voiceConfiguration", fmt.Sprintf("%s has no VOICE capability.", phoneNumber))
		}
	}
	same := func(a, b VoiceConfiguration) bool {
		return a.Type == b.Type && a.AppID == b.AppID && a.TrunkID == b.TrunkID && a.ServiceID == b.ServiceID
	}
	switch {
	case n.voice != nil && n.voice.running(now, takes) && same(*update, n.voice.target):
		return nil, nil
	case n.voice != nil && n.voice.running(now, takes):
		return nil, preconditionFailed("voiceConfiguration", fmt.Sprintf("Number %s is being provisioned for voice (%s); wait until that is done before changing it again.",
			phoneNumber, n.voice.target.Type))
	case same(*update, *standing):
		return nil, nil
	}
	return &scheduledVoice{target: *update}, nil
}

// parseNumberUpdate reads a PATCH body, or says which field is wrong and why.
func parseNumberUpdate(fields map[string]json.RawMessage) (update numberUpdate, field, violation string) {
	names := make([]string, 0, len(fields))
	for name := range fields {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		raw := fields[name]
		if string(raw) == "null" {
			continue
		}
		switch name {
		case "displayName":
			if json.Unmarshal(raw, &update.displayName) != nil {
				return update, name, "displayName must be a string."
			}
		case "callbackUrl":
			if json.Unmarshal(raw, &update.callbackURL) != nil || *update.callbackURL != "" && !absoluteHTTP(*update.callbackURL) {
				return update, name, "callbackUrl must be an absolute http or https URL, or \"\" for none."
			}
		case "smsConfiguration":
			values, field, violation := configurationObject(name, raw, []string{"servicePlanId", "campaignId"})
			if violation != "" {
				return update, field, violation
			}
			update.sms = &smsUpdate{servicePlanID: values["servicePlanId"], campaignID: values["campaignId"]}
		case "voiceConfiguration":
			values, field, violation := configurationObject(name, raw, []string{"type", "appId", "trunkId", "serviceId"})
			if violation != "" {
				return update, field, violation
			}
			if update.voice, field, violation = voiceUpdate(values); violation != "" {
				return update, field, violation
			}
		default:
			return update, name, fmt.Sprintf("%s cannot be updated: an update takes displayName, callbackUrl, smsConfiguration and voiceConfiguration.", name)
		}
	}
	return update, "", ""
}

// configurationObject reads smsConfiguration or voiceConfiguration: an object of strings (nulls left
// out), with no field but these, and not empty.
func configurationObject(name string, raw json.RawMessage, allowed []string) (values map[string]*string, field, violation string) {
	var object map[string]json.RawMessage
	if err := json.Unmarshal(raw, &object); err != nil {
		return nil, name, name + " must be an object."
	}
	keys := make([]string, 0, len(object))
	for key := range object {
		keys = append(keys, key)
	}
	sort.Strings(keys)
	values = map[string]*string{}
	for _, key := range keys {
		var value *string
		switch {
		case !slices.Contains(allowed, key):
			return nil, name + "." + key, fmt.Sprintf("%s.%s cannot be set.", name, key)
		case json.Unmarshal(object[key], &value) != nil:
			return nil, name + "." + key, fmt.Sprintf("%s.%s must be a string.", name, key)
		case value != nil:
			values[key] = value
		}
	}
	if len(values) == 0 {
		return nil, name, name + " must not be empty: leave it out when it does not change."
	}
	return values, "", ""
}

// voiceUpdate is the voice link a voiceConfiguration asks for: a type and the ID of that type, no other.
func voiceUpdate(values map[string]*string) (*VoiceConfiguration, string, string) {
	if values["type"] == nil {
		return nil, "voiceConfiguration.type", "voiceConfiguration.type is required: RTC, EST or FAX."
	}
	voiceType := *values["type"]
	idField, ok := voiceIDs[voiceType]
	if !ok {
		return nil, "voiceConfiguration.type", "voiceConfiguration.type must be RTC, EST or FAX."
	}
	for t, other := range voiceIDs {
		if other != idField && values[other] != nil {
			return nil, "voiceConfiguration." + other, fmt.Sprintf("voiceConfiguration.%s belongs to type %s, not %s.", other, t, voiceType)
		}
	}
	if values[idField] == nil {
		return nil, "voiceConfiguration." + idField, fmt.Sprintf("voiceConfiguration.%s is required with type %s (\"\" unlinks).", idField, voiceType)
	}
	target := &VoiceConfiguration{Type: voiceType}
	switch voiceType {
	case "RTC":
		target.AppID = *values[idField]
	case "EST":
		target.TrunkID = *values[idField]
	default:
		target.ServiceID = *values[idField]
	}
	return target, "", ""
}
