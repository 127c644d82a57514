package shared

import (
	"strings"
	"sync"
)

// Some mistakes show only across resources: two resources that set the secret of one project
// overwrite each other at every apply; more than 5 webhooks on one app are refused. The provider
// cannot see resource addresses, so it notices such cases through the plans of one run: ProviderData
// (one per configure, that is, per run of a command) counts the plans of each key, and Terraform plans
// each resource instance once per run.
//
// The exception is a replacement, which Terraform (and OpenTofu) plans a second time with a null prior
// state; but they drop the warnings of that second plan, as those of the first are shown already, so it
// cannot warn of itself.

// PlanCounts counts the resource plans of this run by key, such as a type and a project.
type PlanCounts struct {
	mu     sync.Mutex
	counts map[string]int
}

// NewPlanCounts returns the counts of a run, with none counted yet.
func NewPlanCounts() *PlanCounts {
	return &PlanCounts{counts: map[string]int{}}
}

// Add counts a plan of key and returns how many there are in this run, this one included.
func (p *PlanCounts) Add(key ...string) int {
	k := strings.Join(key, "\x00")
	p.mu.Lock()
	defer p.mu.Unlock()
	p.counts[k]++
	return p.counts[k]
}
