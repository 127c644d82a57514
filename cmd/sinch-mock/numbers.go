package main

import (
	"fmt"

	"github.com/terraform-sinch/terraform-provider-sinch/internal/sinchmock"
)

// The demo's Voice application: a key in the form of Sinch's (a UUID) and a base64 secret, as the
// dashboard shows them.
const (
	demoVoiceKey    = "de305d54-75b4-431b-adb2-eb6b9e546014"
	demoVoiceSecret = "ZGVtby12b2ljZS1hcHAtc2VjcmV0IQ=="
)

// maxNumberCount is how many numbers -number-count can make: +12025551000 to +12025559999.
const maxNumberCount = 9000

// demoNumbers are the numbers the first project rents: three of each kind the demo shows (SMS and voice,
// SMS linked to a service plan, voice linked to the demo's Voice application), then count more, with
// both capabilities and nothing linked, for a benchmark.
func demoNumbers(count int) []sinchmock.ActiveNumber {
	numbers := []sinchmock.ActiveNumber{
		{PhoneNumber: "+12025550100", DisplayName: "Demo SMS and voice", RegionCode: "US", Type: "LOCAL", Capability: []string{"SMS", "VOICE"}},
		{PhoneNumber: "+12025550101", DisplayName: "Demo SMS", RegionCode: "US", Type: "MOBILE", Capability: []string{"SMS"},
			SMSConfiguration: &sinchmock.SMSConfiguration{ServicePlanID: "demo-service-plan"}},
		{PhoneNumber: "+18005550102", DisplayName: "Demo voice", RegionCode: "US", Type: "TOLL_FREE", Capability: []string{"VOICE"},
			VoiceConfiguration: &sinchmock.VoiceConfiguration{Type: "RTC", AppID: demoVoiceKey}},
	}
	for i := range count {
		numbers = append(numbers, sinchmock.ActiveNumber{PhoneNumber: fmt.Sprintf("+1202555%04d", 1000+i), RegionCode: "US",
			Type: "LOCAL", Capability: []string{"SMS", "VOICE"}})
	}
	return numbers
}
