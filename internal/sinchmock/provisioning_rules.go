package sinchmock

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"slices"
)

// provisioningBody reads a request's JSON object.
func provisioningBody(r io.Reader) (map[string]json.RawMessage, *ProvisioningError) {
	var fields map[string]json.RawMessage
	if err := json.NewDecoder(io.LimitReader(r, 1<<20)).Decode(&fields); err != nil || fields == nil {
		return nil, provisioningViolation("body", "The request body must be a JSON object.")
	}
	return fields, nil
}

// setProvisioningFields sets a webhook's target, secret and triggers from a request's body. POST and
// PUT need all three (required); PATCH changes those it has, and a field left out or null keeps its
// value.
func setProvisioningFields(hook *ProvisioningWebhook, fields map[string]json.RawMessage, required bool) *ProvisioningError {
	for _, name := range []string{"target", "secret", "triggers"} {
		raw, ok := fields[name]
		if !ok || string(raw) == "null" {
			if required {
				return provisioningViolation(name, name+" is required.")
			}
			continue
		}
		var err error
		switch name {
		case "target":
			err = json.Unmarshal(raw, &hook.Target)
		case "secret":
			err = json.Unmarshal(raw, &hook.Secret)
		case "triggers":
			hook.Triggers = nil
			err = json.Unmarshal(raw, &hook.Triggers)
		}
		if err != nil {
			return provisioningViolation(name, name+" has the wrong type.")
		}
	}
	return nil
}

// validProvisioningWebhook checks a webhook's own fields as Sinch would.
func validProvisioningWebhook(hook *ProvisioningWebhook) *ProvisioningError {
	target, err := url.Parse(hook.Target)
	switch {
	case hook.Target == "":
		return provisioningViolation("target", "target must not be empty.")
	case err != nil || !target.IsAbs() || target.Host == "" || target.Scheme != "https" && target.Scheme != "http":
		return provisioningViolation("target", "target must be an absolute https or http URL.")
	case hook.Secret == "":
		return provisioningViolation("secret", "secret must not be empty.")
	case len(hook.Triggers) == 0:
		return provisioningViolation("triggers", "At least one trigger is required.")
	}
	for i, trigger := range hook.Triggers {
		switch {
		case !slices.Contains(ProvisioningTriggers, trigger):
			return provisioningViolation("triggers", fmt.Sprintf("Unknown trigger %s.", trigger))
		case slices.Contains(hook.Triggers[:i], trigger):
			return provisioningViolation("triggers", fmt.Sprintf("Trigger %s is given more than once.", trigger))
		}
	}
	if len(hook.Triggers) > 1 && slices.Contains(hook.Triggers, ProvisioningAll) {
		return provisioningViolation("triggers", "ALL cannot be combined with other triggers.")
	}
	return nil
}

// provisioningConflict checks a webhook against the others of its project: its target is unique, and a
// new one (creating) must fit within the limit. A target taken comes first: it is what the retry of a
// create whose answer was lost meets, also at the limit.
func (s *Server) provisioningConflict(hook *ProvisioningWebhook, creating bool) *ProvisioningError {
	others := s.provisioningWebhooksOf(hook.ProjectID)
	for _, other := range others {
		if other.ID != hook.ID && other.Target == hook.Target {
			return s.provisioningTargetTaken()
		}
	}
	if creating && len(others) >= MaxProvisioningWebhooks {
		return &ProvisioningError{Status: http.StatusBadRequest, ErrorCode: ProvisioningLimitExceeded,
			Message: fmt.Sprintf("Project %s already has %d webhooks, the most a project can have.",
				hook.ProjectID, MaxProvisioningWebhooks),
			Resolution:            "Delete a webhook the project no longer needs, or change one, instead of creating another.",
			AdditionalInformation: map[string]any{"projectId": hook.ProjectID, "limit": MaxProvisioningWebhooks}}
	}
	return nil
}
