package sinchmock

import "time"

// now is the mock's clock (Options.Now), which tests set to move provisioning along and to age a Voice
// API signature without sleeping.
func (s *Server) now() time.Time {
	if s.opts.Now != nil {
		return s.opts.Now()
	}
	return time.Now()
}
