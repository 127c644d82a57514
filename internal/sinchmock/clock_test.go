package sinchmock_test

import (
	"time"

	"github.com/terraform-sinch/terraform-provider-sinch/internal/sinchmock"
)

// clock is a clock a test moves by hand, as Options.Now.
type clock = sinchmock.Clock

func newClock(now time.Time) *clock { return sinchmock.NewClock(now) }
