package sinchmock

import (
	"fmt"
	"net/http"
	"regexp"
	"slices"
	"strings"
	"time"
)

// ActiveNumber is a number a project has rented, in the Numbers API's field names. Times are RFC 3339,
// as answered.
type ActiveNumber struct {
	PhoneNumber string `json:"phoneNumber"`
	ProjectID   string `json:"projectId"`
	DisplayName string `json:"displayName"`
	// RegionCode is the number's ISO 3166-1 alpha-2 country, such as US.
	RegionCode string `json:"regionCode"`
	// Type is MOBILE, LOCAL or TOLL_FREE.
	Type string `json:"type"`
	// Capability lists SMS, VOICE or both.
	Capability            []string `json:"capability"`
	Money                 Money    `json:"money"`
	PaymentIntervalMonths int      `json:"paymentIntervalMonths"`
	NextChargeDate        string   `json:"nextChargeDate"`
	ExpireAt              string   `json:"expireAt"`
	// CallbackURL receives the number's provisioning events; "" is none.
	CallbackURL        string              `json:"callbackUrl"`
	SMSConfiguration   *SMSConfiguration   `json:"smsConfiguration,omitempty"`
	VoiceConfiguration *VoiceConfiguration `json:"voiceConfiguration,omitempty"`
}

// Money is what a number costs each payment interval.
type Money struct {
	CurrencyCode string `json:"currencyCode"`
	Amount       string `json:"amount"`
}

// SMSConfiguration links a number to an SMS service plan (and a 10DLC campaign); servicePlanId "" is
// linked to none.
type SMSConfiguration struct {
	ServicePlanID string `json:"servicePlanId"`
	CampaignID    string `json:"campaignId,omitempty"`
	// ScheduledProvisioning is the link being made, or that failed.
	ScheduledProvisioning *ScheduledProvisioning `json:"scheduledProvisioning,omitempty"`
}

// ScheduledProvisioning is an SMS link being made: Status WAITING, IN_PROGRESS, or FAILED with ErrorCodes.
type ScheduledProvisioning struct {
	ServicePlanID   string   `json:"servicePlanId"`
	CampaignID      string   `json:"campaignId"`
	Status          string   `json:"status"`
	LastUpdatedTime string   `json:"lastUpdatedTime"`
	ErrorCodes      []string `json:"errorCodes"`
}

// VoiceConfiguration links a number to a Voice app (type RTC, by AppID), a SIP trunk (EST, by TrunkID) or
// a fax service (FAX, by ServiceID); the ID of its type "" is linked to none.
type VoiceConfiguration struct {
	Type      string `json:"type"`
	AppID     string `json:"appId,omitempty"`
	TrunkID   string `json:"trunkId,omitempty"`
	ServiceID string `json:"serviceId,omitempty"`
	// LastUpdatedTime is when the link standing was made; "" when never.
	LastUpdatedTime string `json:"lastUpdatedTime,omitempty"`
	// ScheduledVoiceProvisioning is the link being made, or that failed.
	ScheduledVoiceProvisioning *ScheduledVoiceProvisioning `json:"scheduledVoiceProvisioning,omitempty"`
}

// ScheduledVoiceProvisioning is a voice link being made: Status WAITING, IN_PROGRESS or FAILED.
type ScheduledVoiceProvisioning struct {
	Type            string `json:"type"`
	AppID           string `json:"appId,omitempty"`
	TrunkID         string `json:"trunkId,omitempty"`
	ServiceID       string `json:"serviceId,omitempty"`
	Status          string `json:"status"`
	LastUpdatedTime string `json:"lastUpdatedTime"`
}

// The statuses of a scheduled provisioning. Once done, it is gone: there is no status for that.
const (
	NumberProvisioningWaiting    = "WAITING"
	NumberProvisioningInProgress = "IN_PROGRESS"
	NumberProvisioningFailed     = "FAILED"
)

// e164 is a phone number as the Numbers API takes it.
var e164 = regexp.MustCompile(`^\+[1-9][0-9]{1,14}$`)

// AddActiveNumber makes a project rent a number (and the project exist, with no secret set where it has
// none), as the dashboard would; it replaces the number if the project has it. A number with SMS or VOICE
// capability and no configuration for it starts linked to nothing; a seed's scheduled provisioning is
// ignored. Empty billing fields get plausible values.
func (s *Server) AddActiveNumber(projectID string, number ActiveNumber) {
	if !e164.MatchString(number.PhoneNumber) {
		panic(fmt.Sprintf("sinchmock: active number %q is not E.164 with its +", number.PhoneNumber))
	}
	number.ProjectID = projectID
	number.Capability = append([]string{}, number.Capability...)
	if number.Money == (Money{}) {
		number.Money = Money{CurrencyCode: "USD", Amount: "2.00"}
	}
	if number.PaymentIntervalMonths == 0 {
		number.PaymentIntervalMonths = 1
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if number.NextChargeDate == "" {
		number.NextChargeDate = rfc3339(s.now().AddDate(0, 1, 0))
	}
	if number.ExpireAt == "" {
		number.ExpireAt = number.NextChargeDate
	}
	number.SMSConfiguration = standingSMS(number.SMSConfiguration, slices.Contains(number.Capability, "SMS"))
	number.VoiceConfiguration = standingVoice(number.VoiceConfiguration, slices.Contains(number.Capability, "VOICE"))
	if s.projects[projectID] == nil {
		s.projects[projectID] = map[API]string{}
	}
	if s.activeNumbers == nil {
		s.activeNumbers = map[string]map[string]*activeNumber{}
	}
	if s.activeNumbers[projectID] == nil {
		s.activeNumbers[projectID] = map[string]*activeNumber{}
	}
	s.activeNumbers[projectID][number.PhoneNumber] = &activeNumber{standing: number}
}

// ActiveNumber returns a project's number as the API answers it now, and whether the project has it.
func (s *Server) ActiveNumber(projectID, phoneNumber string) (ActiveNumber, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	n := s.activeNumbers[projectID][phoneNumber]
	if n == nil {
		return ActiveNumber{}, false
	}
	return n.view(s.now(), s.opts.NumberProvisioningTime), true
}

// ActiveNumbers returns the numbers a project has rented, as the API answers them now, by phone number.
func (s *Server) ActiveNumbers(projectID string) []ActiveNumber {
	s.mu.Lock()
	defer s.mu.Unlock()
	numbers := []ActiveNumber{}
	for _, n := range s.activeNumbers[projectID] {
		numbers = append(numbers, n.view(s.now(), s.opts.NumberProvisioningTime))
	}
	slices.SortFunc(numbers, func(a, b ActiveNumber) int { return strings.Compare(a.PhoneNumber, b.PhoneNumber) })
	return numbers
}

// ChangeActiveNumber changes a project's number as in the dashboard, at once (no provisioning), and
// tells whether the project has it. change gets the number's standing values, without a scheduled
// provisioning; one that runs goes on as it was.
func (s *Server) ChangeActiveNumber(projectID, phoneNumber string, change func(*ActiveNumber)) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	n := s.activeNumbers[projectID][phoneNumber]
	if n == nil {
		return false
	}
	n.settle(s.now(), s.opts.NumberProvisioningTime)
	changed := n.standing.clone()
	change(&changed)
	changed.PhoneNumber, changed.ProjectID = n.standing.PhoneNumber, n.standing.ProjectID
	changed.SMSConfiguration = standingSMS(changed.SMSConfiguration, slices.Contains(changed.Capability, "SMS"))
	changed.VoiceConfiguration = standingVoice(changed.VoiceConfiguration, slices.Contains(changed.Capability, "VOICE"))
	n.standing = changed
	return true
}

// Rented returns the phone numbers that requests to the Numbers API asked to rent (POST
// .../availableNumbers/{phoneNumber}:rent, and "rentAny" for each POST .../availableNumbers:rentAny),
// whatever they were answered: the mock never rents, and a provider that manages callbacks must never ask.
func (s *Server) Rented() []string {
	return s.numberOrders(":rent", ":rentAny")
}

// Released returns the phone numbers that requests to the Numbers API asked to release (POST
// .../activeNumbers/{phoneNumber}:release), whatever they were answered: the mock never releases.
func (s *Server) Released() []string {
	return s.numberOrders(":release")
}

func (s *Server) numberOrders(verbs ...string) []string {
	var numbers []string
	for _, r := range s.Requests() {
		if r.API != Numbers || r.Method != http.MethodPost {
			continue
		}
		for _, verb := range verbs {
			if strings.HasSuffix(r.Path, verb) {
				last := r.Path[strings.LastIndex(r.Path, "/")+1:]
				if number := strings.TrimSuffix(last, verb); strings.HasPrefix(number, "+") {
					numbers = append(numbers, number)
				} else {
					numbers = append(numbers, strings.TrimPrefix(verb, ":"))
				}
				break
			}
		}
	}
	return numbers
}

// standingSMS is a number's SMS configuration as it stands: none without SMS capability, linked to
// nothing when not set, never with a scheduled provisioning.
func standingSMS(c *SMSConfiguration, capable bool) *SMSConfiguration {
	if !capable {
		return nil
	}
	if c == nil {
		return &SMSConfiguration{}
	}
	return &SMSConfiguration{ServicePlanID: c.ServicePlanID, CampaignID: c.CampaignID}
}

// standingVoice is standingSMS for voice: an RTC link to no app when not set.
func standingVoice(c *VoiceConfiguration, capable bool) *VoiceConfiguration {
	if !capable {
		return nil
	}
	if c == nil || c.Type == "" {
		return &VoiceConfiguration{Type: "RTC"}
	}
	standing := *c
	standing.ScheduledVoiceProvisioning = nil
	return &standing
}

func (n ActiveNumber) clone() ActiveNumber {
	c := n
	c.Capability = slices.Clone(n.Capability)
	if n.SMSConfiguration != nil {
		sms := *n.SMSConfiguration
		if sms.ScheduledProvisioning != nil {
			scheduled := *sms.ScheduledProvisioning
			scheduled.ErrorCodes = slices.Clone(scheduled.ErrorCodes)
			sms.ScheduledProvisioning = &scheduled
		}
		c.SMSConfiguration = &sms
	}
	if n.VoiceConfiguration != nil {
		voice := *n.VoiceConfiguration
		if voice.ScheduledVoiceProvisioning != nil {
			scheduled := *voice.ScheduledVoiceProvisioning
			voice.ScheduledVoiceProvisioning = &scheduled
		}
		c.VoiceConfiguration = &voice
	}
	return c
}

func rfc3339(t time.Time) string {
	return t.UTC().Format(time.RFC3339Nano)
}
