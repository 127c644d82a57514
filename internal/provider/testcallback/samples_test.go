package testcallback_test

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/terraform-sinch/terraform-provider-sinch/internal/provider/testcallback"
	"github.com/terraform-sinch/terraform-provider-sinch/internal/sinchapi"
)

// Each trigger's sample has the fields of Sinch's callbacks around its event, the event itself, and says
// that it is a test; a trigger without a sample has none.
func TestConversationSample(t *testing.T) {
	now := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	events := map[string]string{"MESSAGE_DELIVERY": "message_delivery_report", "MESSAGE_INBOUND": "message"}
	if len(events) != len(testcallback.ConversationTriggers) {
		t.Fatalf("triggers %v, events %v", testcallback.ConversationTriggers, events)
	}
	for _, trigger := range testcallback.ConversationTriggers {
		raw, ok := testcallback.ConversationSample(trigger, "project-1", "app-1", now)
		var body map[string]any
		if !ok || json.Unmarshal(raw, &body) != nil {
			t.Fatalf("%s: %v %s", trigger, ok, raw)
		}
		event, _ := body[events[trigger]].(map[string]any)
		if body["app_id"] != "app-1" || body["project_id"] != "project-1" || body["event_time"] != "2026-01-02T03:04:05Z" ||
			body["message_metadata"] != testcallback.TestMark || event == nil || event["metadata"] != testcallback.TestMark {
			t.Errorf("%s: %s", trigger, raw)
		}
	}
	if _, ok := testcallback.ConversationSample("CONTACT_CREATE", "project-1", "app-1", now); ok {
		t.Error("CONTACT_CREATE has a sample")
	}
}

// Every API of the table has a test event, and its sample is that event of the project, with an event
// ID that says it is a test.
func TestCallbackSample(t *testing.T) {
	for _, api := range sinchapi.CallbackAPIs {
		e := api.TestEvent
		if e.ResourceType == "" || e.ResourceID == "" || e.EventType == "" || e.Status == "" {
			t.Errorf("%s: test event %+v", api.Key, e)
		}
		var body map[string]string
		raw := testcallback.CallbackSample(api, "project-1", time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC))
		if err := json.Unmarshal(raw, &body); err != nil {
			t.Fatal(err)
		}
		if body["projectId"] != "project-1" || !strings.HasPrefix(body["eventId"], "test-callback-") ||
			body["timestamp"] != "2026-01-02T03:04:05.000000" || body["resourceType"] != e.ResourceType ||
			body["eventType"] != e.EventType || body["status"] != e.Status || body["resourceId"] != e.ResourceID {
			t.Errorf("%s: %s", api.Key, raw)
		}
	}
}
