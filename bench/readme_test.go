package main

import (
	"os"
	"strings"
	"testing"
)

// TestReadmeTablesAreTheResults pins the README's performance figures to the run that made them: each
// of its tables stands in bench/RESULTS.md as it is, so that a new `make bench` needs the README to follow.
func TestReadmeTablesAreTheResults(t *testing.T) {
	readme, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	results, err := os.ReadFile("RESULTS.md")
	if err != nil {
		t.Fatal(err)
	}
	_, performance, _ := strings.Cut(string(readme), "\n## Performance\n")
	performance, _, _ = strings.Cut(performance, "\n## ")
	tables := 0
	for _, block := range strings.Split(performance, "\n\n") {
		if !strings.HasPrefix(block, "| Step |") {
			continue
		}
		tables++
		if !strings.Contains(string(results), block) {
			t.Errorf("a table of the README's Performance section is not in bench/RESULTS.md:\n%s", block)
		}
	}
	if tables != len(kinds) {
		t.Errorf("the README's Performance section has %d tables, want one per kind of the benchmark (%d)", tables, len(kinds))
	}
}
