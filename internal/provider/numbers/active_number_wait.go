package numbers

import (
	"context"
	"errors"
	"strings"
	"time"

	"github.com/cenkalti/backoff/v5"

	"github.com/terraform-sinch/terraform-provider-sinch/internal/client"
)

// pollBackOff is how often a wait reads the number: after 100 ms at first, then 1.1 times longer each
// time, ±10 % at random (so that numbers changed together do not poll in step), and at most every 10 s.
// The factor is small so that a wait ends soon after Sinch is done, at most about a tenth of the time
// waited so far (until the cap), since Terraform applies the next resources only once these are done: a
// provisioning of 2 s is read about 12 times, one of 10 minutes about 90.
func pollBackOff() backoff.BackOff {
	return &backoff.ExponentialBackOff{InitialInterval: 100 * time.Millisecond, RandomizationFactor: 0.1,
		Multiplier: 1.1, MaxInterval: 10 * time.Second}
}

// provisioningFailed is Sinch's FAILED for a link an apply waited for: the SMS link's, the voice link's,
// or both.
type provisioningFailed struct {
	sms, voice *client.ScheduledProvisioning
}

func (e *provisioningFailed) Error() string {
	var codes []string
	for _, s := range []*client.ScheduledProvisioning{e.sms, e.voice} {
		if s != nil {
			codes = append(codes, s.ErrorCodes...)
		}
	}
	return "provisioning FAILED " + strings.Join(codes, ", ")
}

// errNotYet is a poll that found a provisioning still under way.
var errNotYet = errors.New("provisioning under way")

// awaitProvisioning reads the number, with pollBackOff between reads, until each awaited link stands
// (Sinch shows no provisioning under way for it, and shows the link in place) or failed. The reads of
// numbers waited for together run side by side: nothing here is shared between resources. It returns the
// number as Sinch last answered it; the error is Sinch's FAILED once nothing awaited is under way, a
// failed read, or ctx's end (the timeout).
func awaitProvisioning(ctx context.Context, calls *client.ActiveNumbers, projectID, phoneNumber string, awaited target, last *client.ActiveNumber) (*client.ActiveNumber, error) {
	if done, err := provisioned(last, awaited); done {
		return last, err
	}
	_, err := backoff.Retry(ctx, func() (struct{}, error) {
		n, err := calls.Get(ctx, projectID, phoneNumber)
		if err != nil {
			return struct{}{}, backoff.Permanent(err)
		}
		last = n
		done, failed := provisioned(n, awaited)
		switch {
		case failed != nil:
			return struct{}{}, backoff.Permanent(failed)
		case !done:
			return struct{}{}, errNotYet
		}
		return struct{}{}, nil
	}, backoff.WithBackOff(pollBackOff()), backoff.WithMaxElapsedTime(0))
	return last, err
}

// provisioned tells whether every awaited link of n has settled: it stands, or its provisioning FAILED;
// the error names those that failed, once all have settled.
func provisioned(n *client.ActiveNumber, awaited target) (bool, error) {
	failed := &provisioningFailed{}
	done := true
	if want := awaited.sms; want != nil {
		standing, _ := standingSMS(n)
		var scheduled *client.ScheduledProvisioning
		if n.SMS != nil {
			scheduled = n.SMS.Scheduled
		}
		settled, failure := settledLink(n.SMS != nil && standing == *want, scheduled, scheduled != nil && smsLinkOf(scheduled) == *want)
		done, failed.sms = done && settled, failure
	}
	if want := awaited.voice; want != nil {
		standing, _ := standingVoice(n)
		var scheduled *client.ScheduledProvisioning
		if n.Voice != nil {
			scheduled = n.Voice.Scheduled
		}
		settled, failure := settledLink(standing == *want, scheduled, scheduled != nil && voiceLinkOf(scheduled) == *want)
		done, failed.voice = done && settled, failure
	}
	switch {
	case !done:
		return false, nil
	case failed.sms != nil || failed.voice != nil:
		return true, failed
	}
	return true, nil
}

// settledLink tells whether a link an apply waits for has settled, given whether it stands, and Sinch's
// scheduled provisioning (of what is wanted, or not): FAILED for what is wanted settles it, with that
// failure; one under way, or a link that does not stand, does not.
func settledLink(stands bool, scheduled *client.ScheduledProvisioning, scheduledWanted bool) (bool, *client.ScheduledProvisioning) {
	switch {
	case scheduledWanted && scheduled.Status == client.ProvisioningFailed:
		return true, scheduled
	case running(scheduled) || !stands:
		return false, nil
	}
	return true, nil
}
