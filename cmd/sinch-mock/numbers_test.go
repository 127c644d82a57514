package main

import (
	"testing"

	"github.com/terraform-sinch/terraform-provider-sinch/internal/sinchmock"
)

// The demo's numbers are E.164 and distinct at the largest count (the mock refuses a number that is not,
// and a repeated one would replace another), and its Voice application's secret is base64.
func TestDemoSeed(t *testing.T) {
	server := sinchmock.New(sinchmock.Options{
		VoiceApps:     map[string]sinchmock.VoiceApp{demoVoiceKey: {Secret: demoVoiceSecret}},
		ActiveNumbers: map[string][]sinchmock.ActiveNumber{"demo-project": demoNumbers(maxNumberCount)},
	})
	numbers := server.ActiveNumbers("demo-project")
	if len(numbers) != 3+maxNumberCount || numbers[0].PhoneNumber != "+12025550100" || numbers[len(numbers)-1].PhoneNumber != "+18005550102" {
		t.Errorf("%d numbers, from %s to %s", len(numbers), numbers[0].PhoneNumber, numbers[len(numbers)-1].PhoneNumber)
	}
	if _, ok := server.VoiceURLs(demoVoiceKey); !ok {
		t.Error("no demo Voice application")
	}
}
