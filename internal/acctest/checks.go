package acctest

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-testing/config"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"
)

// WriteOnlyVersions skip a test below Terraform 1.11: write-only attributes need it.
var WriteOnlyVersions = []tfversion.TerraformVersionCheck{tfversion.SkipBelow(tfversion.Version1_11_0)}

// FunctionVersions are the Terraform versions with provider-defined functions: 1.8 and later.
var FunctionVersions = []tfversion.TerraformVersionCheck{tfversion.SkipBelow(tfversion.Version1_8_0)}

// IdentityVersions skip a test below Terraform 1.12: resource identity needs Terraform 1.12 (or OpenTofu
// 1.12) or later. The tests of it are named TestAccIdentity..., the one name scripts/test.sh lets skip,
// on an older engine.
var IdentityVersions = []tfversion.TerraformVersionCheck{tfversion.SkipBelow(tfversion.Version1_12_0)}

// QueryVersions skip a test of list resources or actions below Terraform 1.14, which added both
// (OpenTofu 1.12 has neither, and reports a version below 1.14). Such a test is named TestAccQuery... or
// TestAccAction..., which scripts/test.sh allows to skip.
var QueryVersions = []tfversion.TerraformVersionCheck{tfversion.SkipBelow(tfversion.Version1_14_0)}

// SecretVariableHCL declares the ephemeral variable secret, which SecretVariable gives its value.
const SecretVariableHCL = `
variable "secret" {
  type      = string
  sensitive = true
  ephemeral = true
}
`

// SecretVariable gives the variable secret its value.
func SecretVariable(secret string) config.Variables {
	return config.Variables{"secret": config.StringVariable(secret)}
}

// PlanWithout fails when the plan, in its JSON form, holds any of the values.
type PlanWithout []string

func (values PlanWithout) CheckPlan(_ context.Context, req plancheck.CheckPlanRequest, resp *plancheck.CheckPlanResponse) {
	raw, err := json.Marshal(req.Plan)
	if err != nil {
		resp.Error = err
		return
	}
	for _, v := range values {
		if strings.Contains(string(raw), v) {
			resp.Error = fmt.Errorf("the plan holds %q", v)
		}
	}
}

// StateWithout fails when the state, in its JSON form, holds any of the values.
type StateWithout []string

func (values StateWithout) CheckState(_ context.Context, req statecheck.CheckStateRequest, resp *statecheck.CheckStateResponse) {
	raw, err := json.Marshal(req.State)
	if err != nil {
		resp.Error = err
		return
	}
	for _, v := range values {
		if strings.Contains(string(raw), v) {
			resp.Error = fmt.Errorf("the state holds %q", v)
		}
	}
}
