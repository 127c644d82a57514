package callbackconfig

import (
	"fmt"
	"strings"

	"github.com/terraform-sinch/terraform-provider-sinch/internal/provider/shared"
	"github.com/terraform-sinch/terraform-provider-sinch/internal/sinchapi"
)

// callbackAPI is one of Sinch's APIs with a callback configuration, as the provider presents it. The
// resource, the data source and the ephemeral resource of every API are made from its value in the
// table of sinchapi.CallbackAPIs, with their names, schemas and docs, so a new API is a new value there,
// with its examples and its tests.
type callbackAPI struct {
	sinchapi.CallbackAPI
}

// callbackAPIs are the APIs whose callback configuration the provider manages: every API of the table.
var callbackAPIs = func() []callbackAPI {
	var apis []callbackAPI
	for _, api := range sinchapi.CallbackAPIs {
		apis = append(apis, callbackAPI{api})
	}
	return apis
}()

// terraformType is the type's full name, as configurations write it.
func (a callbackAPI) terraformType() string { return "sinch_" + a.TypeName }

// calls says, for the docs, which calls the types make.
func (a callbackAPI) calls() string {
	return fmt.Sprintf("`GET` and `%s` `%s` at `%s`, or at the provider's `%s`",
		a.UpdateMethod, a.Path, a.DefaultURL, a.URLSetting)
}

// about is the part of every description that says what the secret is, in this API.
func (a callbackAPI) about() string {
	return fmt.Sprintf("the HMAC secret with which Sinch signs the `X-Sinch-Signature` header of %s", a.Signs)
}

func (a callbackAPI) resourceDescription() string {
	return fmt.Sprintf("The callback configuration of a Sinch project in the **%s API**: %s. It calls %s.",
		a.Name, a.about(), a.calls())
}

func (a callbackAPI) dataSourceDescription() string {
	return fmt.Sprintf("Reads the callback configuration of a Sinch project in the **%s API**: %s. The secret is "+
		"stored in state; the ephemeral resource `%s` reads it without storing it. It calls `GET` `%s`.",
		a.Name, a.about(), a.terraformType(), a.Path)
}

func (a callbackAPI) ephemeralDescription() string {
	return fmt.Sprintf("Reads the current HMAC secret of a Sinch project's callback configuration in the **%s "+
		"API** (%s) for the length of one Terraform run, without storing it in the plan or the state. Use it in "+
		"write-only arguments (such as `hmac_secret_wo`) or in provider blocks. Needs Terraform 1.10 or later. "+
		"It calls `GET` `%s`.", a.Name, strings.TrimPrefix(a.about(), "the "), a.Path)
}

// subject is a project's callback configuration in the API, for diagnostics; d says where the
// provider's project comes from (nil: nowhere).
func (a callbackAPI) subject(projectID string, d *shared.ProviderData) shared.CallSubject {
	projectCheck := d.ProjectCheck(projectID)
	return shared.CallSubject{
		What:      fmt.Sprintf("the callback configuration of Sinch project %q in the %s API", projectID, a.Name),
		Kind:      "callback configuration",
		ProjectID: projectID,
		Missing:   fmt.Sprintf("project %q", projectID),
		Checks:    map[string]shared.NotFoundCheck{"": projectCheck, "project": projectCheck},
		API:       a.Name, DefaultURL: a.DefaultURL, URLSetting: a.URLSetting,
	}
}
