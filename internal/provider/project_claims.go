package provider

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"sync"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
)

// Two resources that set the secret of one project overwrite each other at every apply, and each shows
// drift at every plan. The provider cannot see resource addresses, so it notices the case through the
// plans of one run: providerData (one per configure, that is, per run of a command) keeps a claim per
// resource instance planned, and a second claim on a project means a second instance.
//
// Terraform plans a replaced instance twice: once with its prior state, once more with a null prior
// state to plan the new object. The second time, it hands back the private state that the first plan
// returned, so a claim kept there tells the second plan from a new instance's.

const privateClaimKey = "plan_claim"

// projectClaims maps each claim of this run to the project it sets.
type projectClaims struct {
	mu     sync.Mutex
	claims map[string]string
}

func newProjectClaims() *projectClaims {
	return &projectClaims{claims: map[string]string{}}
}

// claim records that the instance being planned sets project's secret, and warns when another instance
// of this run already does. existing says that the plan has a prior state; private is the plan's private
// state, which carries the claim to a second plan of the same instance.
func (c *projectClaims) claim(ctx context.Context, typeName, project string, existing bool, private privateState, diags *diag.Diagnostics) {
	var id string
	if !existing {
		raw, d := private.GetKey(ctx, privateClaimKey)
		diags.Append(d...)
		_ = json.Unmarshal(raw, &id) // none, or unreadable: a new instance
	}
	if id == "" {
		b := make([]byte, 16)
		_, _ = rand.Read(b) // never fails: crypto/rand panics rather than return an error
		id = hex.EncodeToString(b)
		raw, _ := json.Marshal(id)
		diags.Append(private.SetKey(ctx, privateClaimKey, raw)...)
	}

	c.mu.Lock()
	defer c.mu.Unlock()
	c.claims[id] = project
	for other, p := range c.claims {
		if other != id && p == project {
			diags.AddAttributeWarning(path.Root("project_id"), "Another resource sets this project's secret", fmt.Sprintf(
				"Another %s in this configuration also sets the callback secret of Sinch project %q. Each apply "+
					"would write one secret over the other, so callbacks would be signed with whichever came last and "+
					"every plan would show drift. Keep one %s per project.", typeName, project, typeName))
			return
		}
	}
}

// forgetClaim removes the claim from private state once it has served its plan, so that it is not
// stored with the resource.
func forgetClaim(ctx context.Context, private privateState) diag.Diagnostics {
	return private.SetKey(ctx, privateClaimKey, nil)
}
