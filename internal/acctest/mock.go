package acctest

import (
	"context"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/statecheck"

	"github.com/terraform-sinch/terraform-provider-sinch/internal/sinchmock"
)

// MockCheck is a state check that looks at the mock rather than at the state.
type MockCheck func() error

func (f MockCheck) CheckState(_ context.Context, _ statecheck.CheckStateRequest, resp *statecheck.CheckStateResponse) {
	resp.Error = f()
}

// WebhookMock is a mock with project-1 and its Conversation app app-1, closed at the end of the test.
func WebhookMock(t *testing.T) *sinchmock.Running {
	t.Helper()
	mock := sinchmock.Start(sinchmock.Options{KeyID: TestKeyID, KeySecret: TestKeySecret,
		Projects: map[string]string{"project-1": "s"}, Apps: map[string]string{"app-1": "project-1"}})
	t.Cleanup(mock.Close)
	return mock
}

// Fault is a scripted answer of the mock with the given HTTP status.
func Fault(status int) sinchmock.Fault { return sinchmock.Fault{Status: status} }

// Repeat is n times the scripted answer f.
func Repeat(f sinchmock.Fault, n int) []sinchmock.Fault {
	faults := make([]sinchmock.Fault, n)
	for i := range faults {
		faults[i] = f
	}
	return faults
}
