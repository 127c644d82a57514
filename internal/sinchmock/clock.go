package sinchmock

import (
	"sync"
	"time"
)

// now is the mock's clock (Options.Now), which tests set to move provisioning along and to age a Voice
// API signature without sleeping.
func (s *Server) now() time.Time {
	if s.opts.Now != nil {
		return s.opts.Now()
	}
	return time.Now()
}

// Clock is a clock that a test moves by hand, for Options.Now: Clock.Now as the mock's clock.
type Clock struct {
	mu  sync.Mutex
	now time.Time
}

// NewClock is a clock that shows now until it is moved.
func NewClock(now time.Time) *Clock { return &Clock{now: now} }

// Now is the time the clock shows.
func (c *Clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

// Add moves the clock on by d.
func (c *Clock) Add(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = c.now.Add(d)
}
