package sinchmock_test

import (
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/terraform-sinch/terraform-provider-sinch/internal/sinchmock"
)

func TestProvisioning_refusals(t *testing.T) {
	mock, bearer := startProvisioning(t)
	id := mock.AddProvisioningWebhook("p1", sinchmock.ProvisioningWebhook{Target: "https://kept.example/", Secret: "kept", Triggers: []string{"ALL"}})
	for name, tc := range map[string]struct {
		body, field string
	}{
		"not JSON":               {`target=x`, "body"},
		"a JSON array":           {`[]`, "body"},
		"no target":              {`{"secret":"s","triggers":["ALL"]}`, "target"},
		"no secret":              {`{"target":"https://h.example/","triggers":["ALL"]}`, "secret"},
		"no triggers":            {`{"target":"https://h.example/","secret":"s"}`, "triggers"},
		"null secret":            {`{"target":"https://h.example/","secret":null,"triggers":["ALL"]}`, "secret"},
		"empty secret":           {`{"target":"https://h.example/","secret":"","triggers":["ALL"]}`, "secret"},
		"empty target":           {`{"target":"","secret":"s","triggers":["ALL"]}`, "target"},
		"relative target":        {`{"target":"/callbacks","secret":"s","triggers":["ALL"]}`, "target"},
		"not http":               {`{"target":"ftp://h.example/","secret":"s","triggers":["ALL"]}`, "target"},
		"a target without host":  {`{"target":"https:///x","secret":"s","triggers":["ALL"]}`, "target"},
		"a number as target":     {`{"target":42,"secret":"s","triggers":["ALL"]}`, "target"},
		"triggers not a list":    {`{"target":"https://h.example/","secret":"s","triggers":"ALL"}`, "triggers"},
		"an empty trigger list":  {`{"target":"https://h.example/","secret":"s","triggers":[]}`, "triggers"},
		"unknown trigger":        {`{"target":"https://h.example/","secret":"s","triggers":["SMS_DELIVERED"]}`, "triggers"},
		"a trigger lower case":   {`{"target":"https://h.example/","secret":"s","triggers":["all"]}`, "triggers"},
		"a trigger twice":        {`{"target":"https://h.example/","secret":"s","triggers":["BUNDLE_DONE","BUNDLE_DONE"]}`, "triggers"},
		"ALL with another":       {`{"target":"https://h.example/","secret":"s","triggers":["BUNDLE_DONE","ALL"]}`, "triggers"},
		"ALL twice":              {`{"target":"https://h.example/","secret":"s","triggers":["ALL","ALL"]}`, "triggers"},
		"ALL before another":     {`{"target":"https://h.example/","secret":"s","triggers":["ALL","WHATSAPP_SENDER_ACTIVE"]}`, "triggers"},
		"a Conversation trigger": {`{"target":"https://h.example/","secret":"s","triggers":["MESSAGE_DELIVERY"]}`, "triggers"},
	} {
		t.Run(name, func(t *testing.T) {
			for _, call := range []struct{ method, path string }{
				{http.MethodPost, "/p1/webhooks"}, {http.MethodPut, "/p1/webhooks/" + id}, {http.MethodPatch, "/p1/webhooks/" + id},
			} {
				if call.method == http.MethodPatch && (strings.HasPrefix(name, "no ") || strings.HasPrefix(name, "null ")) {
					continue // a PATCH may leave fields out, or send them null
				}
				a := provisioningCall(t, mock, bearer, call.method, call.path, tc.body)
				if info, _ := a.body["additionalInformation"].(map[string]any); a.code != 400 ||
					papiError(t, a) != sinchmock.ProvisioningValidationError || info["field"] != tc.field {
					t.Errorf("%s: %d %s, want 400 about %s", call.method, a.code, a.raw, tc.field)
				}
			}
		})
	}
	if hooks := mock.ProvisioningWebhooks("p1"); len(hooks) != 1 || hooks[0].Target != "https://kept.example/" || hooks[0].Secret != "kept" ||
		fmt.Sprint(hooks[0].Triggers) != "[ALL]" {
		t.Errorf("refused calls changed the webhooks: %+v", hooks)
	}
	// What the rules accept.
	for _, body := range []string{
		`{"target":"http://h.example/plain","secret":"s","triggers":["ALL"]}`,
		`{"target":"https://h.example/many","secret":"s","triggers":["` + strings.Join(sinchmock.ProvisioningTriggers[1:], `","`) + `"]}`,
	} {
		if a := provisioningCall(t, mock, bearer, http.MethodPost, "/p1/webhooks", body); a.code != 200 {
			t.Errorf("%s: %d %s", body, a.code, a.raw)
		}
	}
}

func TestProvisioning_limit(t *testing.T) {
	mock, bearer := startProvisioning(t)
	create := func(project string, i int) provisioningAnswer {
		return provisioningCall(t, mock, bearer, http.MethodPost, "/"+project+"/webhooks",
			fmt.Sprintf(`{"target":"https://h.example/%d","secret":"s","triggers":["ALL"]}`, i))
	}
	for i := range sinchmock.MaxProvisioningWebhooks {
		if a := create("p1", i); a.code != 200 {
			t.Fatalf("webhook %d: %d %s", i+1, a.code, a.raw)
		}
	}
	sixteenth := create("p1", sinchmock.MaxProvisioningWebhooks)
	want := `{"errorCode":"WEBHOOK_LIMIT_EXCEEDED","message":"Project p1 already has 15 webhooks, the most a project can have.",` +
		`"resolution":"Delete a webhook the project no longer needs, or change one, instead of creating another.",` +
		`"additionalInformation":{"limit":15,"projectId":"p1"}}` + "\n"
	if sixteenth.code != 400 || sixteenth.raw != want {
		t.Errorf("the 16th webhook: %d %s", sixteenth.code, sixteenth.raw)
	}
	if n := len(mock.ProvisioningWebhooks("p1")); n != sinchmock.MaxProvisioningWebhooks {
		t.Errorf("%d webhooks", n)
	}
	if a := create("p2", 0); a.code != 200 {
		t.Errorf("another project's first webhook: %d %s", a.code, a.raw)
	}
	// Changing one of the 15 is no 16th.
	id := mock.ProvisioningWebhooks("p1")[0].ID
	if a := provisioningCall(t, mock, bearer, http.MethodPatch, "/p1/webhooks/"+id, `{"secret":"rotated"}`); a.code != 200 {
		t.Errorf("a change at the limit: %d %s", a.code, a.raw)
	}
}

func TestProvisioning_uniqueTarget(t *testing.T) {
	reworded := &sinchmock.ProvisioningError{Status: http.StatusBadRequest, ErrorCode: "INVALID_ARGUMENT", Message: "Validation failed.",
		Resolution: "Check the request."}
	for name, tc := range map[string]struct {
		option *sinchmock.ProvisioningError
		code   int
		want   string
	}{
		"the mock's words": {nil, http.StatusConflict, `{"errorCode":"WEBHOOK_TARGET_ALREADY_EXISTS",` +
			`"message":"A webhook with this target already exists in the project.",` +
			`"resolution":"Use another target, or change the webhook that has it."}` + "\n"},
		"other words": {reworded, http.StatusBadRequest,
			`{"errorCode":"INVALID_ARGUMENT","message":"Validation failed.","resolution":"Check the request."}` + "\n"},
	} {
		t.Run(name, func(t *testing.T) {
			mock, bearer := startProvisioning(t, func(o *sinchmock.Options) { o.ProvisioningDuplicateTarget = tc.option })
			first := provisioningCall(t, mock, bearer, http.MethodPost, "/p1/webhooks", provisioningHook)
			firstID, _ := first.body["id"].(string)
			other := mock.AddProvisioningWebhook("p1", sinchmock.ProvisioningWebhook{Target: "https://other.example/", Secret: "s", Triggers: []string{"ALL"}})
			for _, call := range []struct{ method, path, body string }{
				{http.MethodPost, "/p1/webhooks", provisioningHook},
				{http.MethodPatch, "/p1/webhooks/" + other, `{"target":"https://handler.example/provisioning"}`},
				{http.MethodPut, "/p1/webhooks/" + other, provisioningHook},
			} {
				a := provisioningCall(t, mock, bearer, call.method, call.path, call.body)
				if a.code != tc.code || a.raw != tc.want || strings.Contains(a.raw, firstID) {
					t.Errorf("%s: %d %s", call.method, a.code, a.raw)
				}
			}
			if hooks := mock.ProvisioningWebhooks("p1"); len(hooks) != 2 || hooks[0].Target != "https://handler.example/provisioning" ||
				hooks[1].Target != "https://other.example/" {
				t.Errorf("webhooks %+v", hooks)
			}
			// Its own target is no duplicate, and another project may have the same.
			if a := provisioningCall(t, mock, bearer, http.MethodPut, "/p1/webhooks/"+firstID, provisioningHook); a.code != 200 {
				t.Errorf("a PUT that keeps the target: %d %s", a.code, a.raw)
			}
			if a := provisioningCall(t, mock, bearer, http.MethodPost, "/p2/webhooks", provisioningHook); a.code != 200 {
				t.Errorf("the same target in another project: %d %s", a.code, a.raw)
			}
		})
	}
}
