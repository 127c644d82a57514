package testcallback

import (
	"crypto/rand"
	"encoding/json"
	"slices"
	"strings"
	"time"

	"github.com/terraform-sinch/terraform-provider-sinch/internal/sinchapi"
)

// TestMark is what a sample says of itself wherever its shape has room for words: that it is a test.
const TestMark = "Test callback from terraform-provider-sinch: not an event of Sinch"

// ConversationTriggers are the Conversation API webhook triggers of which there is a sample callback.
var ConversationTriggers = []string{"MESSAGE_DELIVERY", "MESSAGE_INBOUND"}

// channelIdentity is the sample's contact on a channel: a fictitious US number (555-01xx).
type channelIdentity struct {
	Channel  string `json:"channel"`
	Identity string `json:"identity"`
	AppID    string `json:"app_id"`
}

// The fields of a Conversation API callback around its event, in the order Sinch sends them.
type conversationCallback struct {
	AppID        string `json:"app_id"`
	AcceptedTime string `json:"accepted_time"`
	EventTime    string `json:"event_time"`
	ProjectID    string `json:"project_id"`
	// One of these is the event, by trigger.
	MessageDeliveryReport *messageDeliveryReport `json:"message_delivery_report,omitempty"`
	Message               *inboundMessage        `json:"message,omitempty"`
	MessageMetadata       string                 `json:"message_metadata"`
	CorrelationID         string                 `json:"correlation_id"`
}

type messageDeliveryReport struct {
	MessageID       string          `json:"message_id"`
	ConversationID  string          `json:"conversation_id"`
	Status          string          `json:"status"`
	ChannelIdentity channelIdentity `json:"channel_identity"`
	ContactID       string          `json:"contact_id"`
	Metadata        string          `json:"metadata"`
	ProcessingMode  string          `json:"processing_mode"`
}

type inboundMessage struct {
	ID              string          `json:"id"`
	Direction       string          `json:"direction"`
	ContactMessage  contactMessage  `json:"contact_message"`
	ChannelIdentity channelIdentity `json:"channel_identity"`
	ConversationID  string          `json:"conversation_id"`
	ContactID       string          `json:"contact_id"`
	Metadata        string          `json:"metadata"`
	AcceptTime      string          `json:"accept_time"`
	SenderID        string          `json:"sender_id"`
	ProcessingMode  string          `json:"processing_mode"`
}

type contactMessage struct {
	TextMessage struct {
		Text string `json:"text"`
	} `json:"text_message"`
}

// ConversationSample is a callback of a Conversation API webhook's trigger, of the shape Sinch sends,
// for an app of a project, with fresh IDs and the current time; false for a trigger that has no sample
// (see ConversationTriggers).
func ConversationSample(trigger, projectID, appID string, now time.Time) ([]byte, bool) {
	if !slices.Contains(ConversationTriggers, trigger) {
		return nil, false
	}
	now = now.UTC()
	contact := channelIdentity{Channel: "SMS", Identity: "12025550123"}
	callback := conversationCallback{AppID: appID, ProjectID: projectID,
		AcceptedTime: now.Add(-time.Second).Format(time.RFC3339Nano), EventTime: now.Format(time.RFC3339Nano),
		MessageMetadata: TestMark}
	messageID, conversationID, contactID := rand.Text(), rand.Text(), rand.Text()
	switch trigger {
	case "MESSAGE_DELIVERY":
		callback.MessageDeliveryReport = &messageDeliveryReport{MessageID: messageID, ConversationID: conversationID,
			Status: "DELIVERED", ChannelIdentity: contact, ContactID: contactID, Metadata: TestMark, ProcessingMode: "CONVERSATION"}
	case "MESSAGE_INBOUND":
		message := &inboundMessage{ID: messageID, Direction: "TO_APP", ChannelIdentity: contact, ConversationID: conversationID,
			ContactID: contactID, Metadata: TestMark, AcceptTime: callback.AcceptedTime, ProcessingMode: "CONVERSATION"}
		message.ContactMessage.TextMessage.Text = TestMark + "."
		callback.Message = message
	}
	return marshal(callback), true
}

// callbackEvent is an event of the APIs with a callback configuration, in the order Sinch sends them.
type callbackEvent struct {
	EventID      string `json:"eventId"`
	Timestamp    string `json:"timestamp"`
	ProjectID    string `json:"projectId"`
	ResourceID   string `json:"resourceId"`
	ResourceType string `json:"resourceType"`
	EventType    string `json:"eventType"`
	Status       string `json:"status"`
}

// CallbackSample is a callback of an API with a callback configuration (its TestEvent), for a project,
// with a fresh event ID, which says that it is a test, and the current time.
func CallbackSample(api sinchapi.CallbackAPI, projectID string, now time.Time) []byte {
	e := api.TestEvent
	return marshal(callbackEvent{EventID: "test-callback-" + strings.ToLower(rand.Text()),
		Timestamp: now.UTC().Format("2006-01-02T15:04:05.000000"), ProjectID: projectID,
		ResourceID: e.ResourceID, ResourceType: e.ResourceType, EventType: e.EventType, Status: e.Status})
}

// marshal is the JSON of a sample, which has nothing that JSON cannot hold.
func marshal(v any) []byte {
	raw, err := json.Marshal(v)
	if err != nil {
		panic("testcallback: a sample that JSON cannot hold: " + err.Error())
	}
	return raw
}
