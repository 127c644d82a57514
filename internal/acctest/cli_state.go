package acctest

import (
	"archive/zip"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The files a CLIRun leaves: its local state, and saved plans.

// StateAttribute reads an attribute of the one resource instance in the local state file.
func (r *CLIRun) StateAttribute(resource, attribute string) any {
	r.t.Helper()
	raw, err := os.ReadFile(filepath.Join(r.Dir, "terraform.tfstate"))
	if err != nil {
		r.t.Fatal(err)
	}
	var state struct {
		Resources []struct {
			Type, Name string
			Instances  []struct {
				Attributes map[string]any `json:"attributes"`
			} `json:"instances"`
		} `json:"resources"`
	}
	if err := json.Unmarshal(raw, &state); err != nil {
		r.t.Fatal(err)
	}
	for _, res := range state.Resources {
		if res.Type+"."+res.Name == resource && len(res.Instances) == 1 {
			return res.Instances[0].Attributes[attribute]
		}
	}
	return nil
}

// PlanFileHolds tells whether any file inside a saved plan (a zip archive, its entries compressed)
// holds s.
func PlanFileHolds(t *testing.T, name, s string) bool {
	t.Helper()
	archive, err := zip.OpenReader(name)
	if err != nil {
		t.Fatal(err)
	}
	defer archive.Close()
	for _, f := range archive.File {
		r, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		content, err := io.ReadAll(r)
		_ = r.Close()
		if err != nil {
			t.Fatal(err)
		}
		if strings.Contains(string(content), s) {
			return true
		}
	}
	return false
}

// StateHolds tells whether the local state file holds s.
func (r *CLIRun) StateHolds(s string) bool {
	r.t.Helper()
	return strings.Contains(r.StateText(), s)
}

// StateText is the local state file.
func (r *CLIRun) StateText() string {
	r.t.Helper()
	raw, err := os.ReadFile(filepath.Join(r.Dir, "terraform.tfstate"))
	if err != nil {
		r.t.Fatal(err)
	}
	return string(raw)
}

// DropPrivateState removes the private state of every resource in the local state file, as a state
// edited or moved by hand may have lost it.
func (r *CLIRun) DropPrivateState() { r.DropFromState("private") }

// DropFromState removes the given fields of every resource instance in the local state file.
func (r *CLIRun) DropFromState(fields ...string) {
	r.t.Helper()
	name := filepath.Join(r.Dir, "terraform.tfstate")
	raw, err := os.ReadFile(name)
	if err != nil {
		r.t.Fatal(err)
	}
	// Only the instances are decoded; every other field is kept as it is.
	var state map[string]json.RawMessage
	var resources []map[string]json.RawMessage
	if json.Unmarshal(raw, &state) != nil || json.Unmarshal(state["resources"], &resources) != nil {
		r.t.Fatalf("not a state file: %s", raw)
	}
	dropped := 0
	for _, res := range resources {
		var instances []map[string]json.RawMessage
		if err := json.Unmarshal(res["instances"], &instances); err != nil {
			r.t.Fatal(err)
		}
		for _, instance := range instances {
			for _, field := range fields {
				if _, ok := instance[field]; ok {
					delete(instance, field)
					dropped++
				}
			}
		}
		res["instances"] = mustJSON(r.t, instances)
	}
	if dropped == 0 {
		r.t.Fatalf("the state holds none of %v: the test proves nothing", fields)
	}
	var serial int
	if err := json.Unmarshal(state["serial"], &serial); err != nil {
		r.t.Fatal(err)
	}
	state["serial"], state["resources"] = mustJSON(r.t, serial+1), mustJSON(r.t, resources)
	WriteFile(r.t, name, string(mustJSON(r.t, state)))
}

func mustJSON(t *testing.T, v any) json.RawMessage {
	t.Helper()
	raw, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return raw
}
