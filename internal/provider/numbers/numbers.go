// Package numbers is the provider's family of rented numbers: where a number's SMS and voice traffic
// and its provisioning events go (the Numbers API's active numbers). It has the resource
// sinch_active_number, which configures a number the project has rented and never rents nor releases
// one, and the data sources sinch_active_number and sinch_active_numbers.
package numbers

import (
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/resource"
)

// Resources returns the resource types: sinch_active_number.
func Resources() []func() resource.Resource {
	return []func() resource.Resource{NewActiveNumberResource}
}

// DataSources returns the data source types: one number, and the list of a project's numbers.
func DataSources() []func() datasource.DataSource {
	return []func() datasource.DataSource{NewActiveNumberDataSource, NewActiveNumbersDataSource}
}
