package provider

import (
	"context"
	"fmt"
	"sync"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
)

// Two resources that set the secret of one project overwrite each other at every apply, and each shows
// drift at every plan. The provider cannot see resource addresses, so it notices the case through the
// plans of one run: providerData (one per configure, that is, per run of a command) counts the plans of
// each project, and Terraform plans each resource instance once per run.
//
// The exception is a replacement, which Terraform (and OpenTofu) plans a second time with a null prior
// state; but they drop the warnings of that second plan, as those of the first are shown already, so it
// cannot warn of itself.

// projectPlans counts the resource plans of each project and type in this run: a project has a
// secret in each API, and one resource of each type may set it.
type projectPlans struct {
	mu    sync.Mutex
	plans map[[2]string]int
}

func newProjectPlans() *projectPlans {
	return &projectPlans{plans: map[[2]string]int{}}
}

// add counts a plan of typeName that sets project's secret, and warns when another plan of this run
// already does.
func (p *projectPlans) add(_ context.Context, typeName, project string, diags *diag.Diagnostics) {
	key := [2]string{typeName, project}
	p.mu.Lock()
	p.plans[key]++
	others := p.plans[key] - 1
	p.mu.Unlock()
	if others > 0 {
		diags.AddAttributeWarning(path.Root("project_id"), "Another resource sets this project's secret", fmt.Sprintf(
			"Another %s in this configuration also sets the callback secret of Sinch project %q. Each apply "+
				"would write one secret over the other, so callbacks would be signed with whichever came last and "+
				"every plan would show drift. Keep one %s per project.", typeName, project, typeName))
	}
}
