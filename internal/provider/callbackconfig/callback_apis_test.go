package callbackconfig

import (
	"testing"

	"github.com/terraform-sinch/terraform-provider-sinch/internal/client"
	"github.com/terraform-sinch/terraform-provider-sinch/internal/provider/shared"
	"github.com/terraform-sinch/terraform-provider-sinch/internal/sinchmock"
)

// The access key the mock accepts in these tests. (The acceptance tests have theirs in acctest, which
// this package's own tests cannot import: acctest imports the provider, which imports this package.)
const (
	testKeyID     = "test-key-id"
	testKeySecret = "test-key-secret-8d2e61"
)

// The APIs of the table that tests name: the first, whose type is sinch_callback_configuration, and the
// Numbers API.
var senderIDAPI, numbersAPI = apiOfKey(sinchmock.SenderID), apiOfKey(sinchmock.Numbers)

func apiOfKey(key sinchmock.API) callbackAPI {
	for _, api := range callbackAPIs {
		if api.Key == string(key) {
			return api
		}
	}
	panic("no API has the key " + key)
}

// mock is the mock's name of the API.
func (a callbackAPI) mock() sinchmock.API { return sinchmock.API(a.Key) }

// dataFor is provider data whose calls go to the mock, for tests that call a type directly.
func dataFor(t testing.TB, mock *sinchmock.Running) *shared.ProviderData {
	t.Helper()
	c, err := client.New(client.Config{TokenURL: mock.TokenURL, KeyID: testKeyID, KeySecret: testKeySecret})
	if err != nil {
		t.Fatal(err)
	}
	data := &shared.ProviderData{APIs: map[string]*client.CallbackConfigurations{}, Plans: shared.NewPlanCounts()}
	for _, api := range callbackAPIs {
		if data.APIs[api.TypeName], err = c.CallbackConfigurations(api.CallbackAPI, mock.URLOf(api.mock())); err != nil {
			t.Fatal(err)
		}
	}
	return data
}
