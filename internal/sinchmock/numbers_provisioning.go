package sinchmock

import (
	"slices"
	"time"
)

// activeNumber is a rented number as the mock holds it: the values that stand, and the SMS and voice
// links being made. A provisioning's status is worked out from the clock whenever the number is read
// (WAITING for the first half of Options.NumberProvisioningTime, IN_PROGRESS for the second, then done or
// FAILED), so that a test moves it along with its clock instead of sleeping.
type activeNumber struct {
	standing ActiveNumber // never with a scheduled provisioning
	sms      *scheduledSMS
	voice    *scheduledVoice
	// failNext holds the error codes of the provisionings the next update starts; nil succeeds.
	failNext []string
}

type provisioning struct {
	started    time.Time
	errorCodes []string // nil: it succeeds
}

type scheduledSMS struct {
	provisioning
	servicePlanID, campaignID string
}

type scheduledVoice struct {
	provisioning
	target VoiceConfiguration // its type and the ID of that type
}

// status is where a provisioning stands at now, and since when; done when it succeeded.
func (p provisioning) status(now time.Time, takes time.Duration) (status string, since time.Time, done bool) {
	elapsed := now.Sub(p.started)
	switch {
	case elapsed >= takes && p.errorCodes != nil:
		return NumberProvisioningFailed, p.started.Add(takes), false
	case elapsed >= takes:
		return "", p.started.Add(takes), true
	case elapsed >= takes/2:
		return NumberProvisioningInProgress, p.started.Add(takes / 2), false
	default:
		return NumberProvisioningWaiting, p.started, false
	}
}

// running tells whether a provisioning is still WAITING or IN_PROGRESS.
func (p provisioning) running(now time.Time, takes time.Duration) bool {
	status, _, done := p.status(now, takes)
	return !done && status != NumberProvisioningFailed
}

// settle makes the links that were made stand, and forgets their provisioning; a FAILED one stays.
func (n *activeNumber) settle(now time.Time, takes time.Duration) {
	if n.sms != nil {
		if _, _, done := n.sms.status(now, takes); done {
			n.standing.SMSConfiguration = &SMSConfiguration{ServicePlanID: n.sms.servicePlanID, CampaignID: n.sms.campaignID}
			n.sms = nil
		}
	}
	if n.voice != nil {
		if _, since, done := n.voice.status(now, takes); done {
			made := n.voice.target
			made.LastUpdatedTime = rfc3339(since)
			n.standing.VoiceConfiguration = &made
			n.voice = nil
		}
	}
}

// view is the number as the API answers it at now: what stands, with the links being made, or that
// failed, beside it.
func (n *activeNumber) view(now time.Time, takes time.Duration) ActiveNumber {
	n.settle(now, takes)
	answer := n.standing.clone()
	if n.sms != nil && answer.SMSConfiguration != nil {
		status, since, _ := n.sms.status(now, takes)
		answer.SMSConfiguration.ScheduledProvisioning = &ScheduledProvisioning{ServicePlanID: n.sms.servicePlanID,
			CampaignID: n.sms.campaignID, Status: status, LastUpdatedTime: rfc3339(since), ErrorCodes: []string{}}
		if status == NumberProvisioningFailed {
			answer.SMSConfiguration.ScheduledProvisioning.ErrorCodes = slices.Clone(n.sms.errorCodes)
		}
	}
	if n.voice != nil && answer.VoiceConfiguration != nil {
		status, since, _ := n.voice.status(now, takes)
		answer.VoiceConfiguration.ScheduledVoiceProvisioning = &ScheduledVoiceProvisioning{Type: n.voice.target.Type,
			AppID: n.voice.target.AppID, TrunkID: n.voice.target.TrunkID, ServiceID: n.voice.target.ServiceID,
			Status: status, LastUpdatedTime: rfc3339(since)}
	}
	return answer
}

// FailNextProvisioning makes the provisionings that the next update of a project's number starts (SMS,
// voice, or both) fail once Options.NumberProvisioningTime has passed, with these error codes (Sinch's, such
// as CAMPAIGN_NOT_AVAILABLE or INSUFFICIENT_BALANCE; INTERNAL_ERROR when none is given; a voice
// provisioning shows none), and tells whether the project has the number. The FAILED scheduled
// provisioning stays visible beside the old value, until a later update provisions again.
func (s *Server) FailNextProvisioning(projectID, phoneNumber string, errorCodes ...string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	n := s.activeNumbers[projectID][phoneNumber]
	if n == nil {
		return false
	}
	if len(errorCodes) == 0 {
		errorCodes = []string{"INTERNAL_ERROR"}
	}
	n.failNext = slices.Clone(errorCodes)
	return true
}
