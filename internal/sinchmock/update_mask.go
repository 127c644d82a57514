package sinchmock

import (
	"net/http"
	"strings"
)

// updateMask is the field names of a request's update mask: in each of the query parameters named
// (update_mask, or update_mask.paths for a call whose SDKs send that form), each holding one name or
// several joined by commas, as Sinch's SDKs send them.
func updateMask(r *http.Request, params ...string) []string {
	var mask []string
	for _, param := range params {
		for _, value := range r.URL.Query()[param] {
			for _, name := range strings.Split(value, ",") {
				if name = strings.TrimSpace(name); name != "" {
					mask = append(mask, name)
				}
			}
		}
	}
	return mask
}
