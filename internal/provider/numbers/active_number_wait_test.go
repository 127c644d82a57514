package numbers

import (
	"fmt"
	"math"
	"os"
	"strings"
	"testing"

	"github.com/cenkalti/backoff/v5"
)

// TestPollBackOff_asDocumented: the resource's page says how often a wait reads the number, in
// pollBackOff's values.
func TestPollBackOff_asDocumented(t *testing.T) {
	b, ok := pollBackOff().(*backoff.ExponentialBackOff)
	if !ok {
		t.Fatalf("pollBackOff is a %T, not an exponential backoff", pollBackOff())
	}
	want := fmt.Sprintf("after %d ms at first, then %g times longer each time, ±%g %% at random, and at most every %g seconds",
		b.InitialInterval.Milliseconds(), b.Multiplier, math.Round(b.RandomizationFactor*100), b.MaxInterval.Seconds())
	page, err := os.ReadFile("../../../templates/resources/active_number.md.tmpl")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(strings.Join(strings.Fields(string(page)), " "), want) {
		t.Errorf("the page of sinch_active_number does not say %q", want)
	}
}
