package main

import (
	"fmt"
	"runtime"
	"strings"
	"time"

	"github.com/terraform-sinch/terraform-provider-sinch/internal/sinchmock"
)

// Bounds the checks hold the provider to.
const (
	// maxRatioToIdeal is how far above the ideal bound a step may take, from ratioCheckedFrom
	// resources on; below, fixed costs (starting Terraform and the plugin) dwarf what is measured.
	maxRatioToIdeal  = 1.10
	ratioCheckedFrom = 1000
	// spareConnections is how many connections a provider process may open beyond -parallelism.
	spareConnections = 2
	// maxGrowthKiBPerResource is how much more a provider process's peak memory may grow per resource
	// than the no-op provider's does.
	maxGrowthKiBPerResource = 16
)

// idealBound is the floor for a step of the Sinch provider: the no-op provider's time, plus the API
// calls' latency spread over Terraform's parallelism, plus the wait for Sinch's provisioning (see
// provisioningWait).
func idealBound(opts options, parallelism int, noopWall time.Duration, api int, wait time.Duration) time.Duration {
	return noopWall + time.Duration(api)*opts.latency/time.Duration(parallelism) + wait
}

// provisioningWait is how long a step of N resources must wait for Sinch's provisioning at the least:
// none for a step that does not wait; T for each round of parallelism resources, which Terraform applies
// at once, and whose waits run side by side in the provider.
func provisioningWait(opts options, k kind, s step, n int) time.Duration {
	if !k.waits[s.name] {
		return 0
	}
	parallelism := k.parallelism(opts, n)
	rounds := (n + parallelism - 1) / parallelism
	return time.Duration(rounds) * k.provisioning
}

// countsHold tells whether a step's requests are those wanted: exactly, or, for a step that waits for
// provisioning, with polls[0] to polls[1] more reads of each resource.
func countsHold(k kind, s step, n int, got, want sinchmock.Counts) bool {
	if !k.waits[s.name] {
		return got == want
	}
	reads := got.Get - want.Get
	got.Get = want.Get
	return got == want && reads >= k.polls[0]*n && reads <= k.polls[1]*n
}

func calls(m measurement) int {
	c := m.api.Counts
	return c.Token + c.Get + c.Post + c.Put + c.Patch + c.Delete + c.Other
}

// writes are the requests of a step that change something at Sinch.
func writes(c sinchmock.Counts) int { return c.Post + c.Put + c.Patch + c.Delete }

// apiCalls are the counts of a step's requests to the API, tokens aside.
func apiCalls(c sinchmock.Counts) sinchmock.Counts {
	c.Token = 0
	return c
}

// describe names the requests a step made, such as "10 GET, 10 PATCH".
func describe(c sinchmock.Counts) string {
	var parts []string
	for _, p := range []struct {
		method string
		n      int
	}{{"GET", c.Get}, {"POST", c.Post}, {"PUT", c.Put}, {"PATCH", c.Patch}, {"DELETE", c.Delete}, {"other", c.Other}} {
		if p.n > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", p.n, p.method))
		}
	}
	if len(parts) == 0 {
		return "none"
	}
	return strings.Join(parts, ", ")
}

// writeReport returns the report in Markdown, and how many checks failed.
func writeReport(opts options, cli string, results map[string]map[int]map[string][]measurement) (string, int) {
	var b strings.Builder
	var failures int
	check := func(ok bool, format string, args ...any) {
		mark := "pass"
		if !ok {
			mark = "**FAIL**"
			failures++
		}
		fmt.Fprintf(&b, "- %s: %s\n", mark, fmt.Sprintf(format, args...))
	}
	sizes := opts.sizes
	largest := sizes[len(sizes)-1]

	fmt.Fprintf(&b, "# Benchmark: %s\n\n", strings.Join(sizeNames(sizes), ", "))
	fmt.Fprintf(&b, "Made with `make bench` (`go run ./bench -n %s -latency %s -parallelism %d%s`) on %s, %d cores, "+
		"against the standalone mock with %s added to every API call. Times are wall-clock seconds of one run, the three variants taking turns step by step.\n\n",
		joinInts(sizes), opts.latency, opts.parallelism, onlyFlag(opts.only), cli, runtime.NumCPU(), opts.latency)
	b.WriteString("The ideal bound of a step is the no-op provider's time plus (API calls × latency) / parallelism, plus, " +
		"for a step that waits for Sinch to provision what it changed (active numbers), ⌈N / parallelism⌉ × the " +
		"provisioning time T. Writes are the requests that change something at Sinch: PUT or PATCH of a callback " +
		"configuration or of a number; POST, PATCH and DELETE of a webhook.\n\n")

	for _, k := range opts.kinds {
		fmt.Fprintf(&b, "# %s\n\n", strings.ToUpper(k.name[:1])+k.name[1:])
		for _, n := range sizes {
			r := results[k.name][n]
			fmt.Fprintf(&b, "## N = %d\n\n", n)
			if k.provisioning > 0 {
				fmt.Fprintf(&b, "Each number's provisioning takes T = %s at the mock.", k.provisioning)
				if k.allAtOnce {
					fmt.Fprintf(&b, " Every step runs with `-parallelism=%d`, as the docs advise for a fleet of numbers.", k.parallelism(opts, n))
				}
				b.WriteString("\n\n")
			}
			b.WriteString("| Step | Sinch | Ideal bound | Sinch / ideal | No-op provider | terraform_data | Sinch / terraform_data " +
				"| Provider CPU | Provider peak RSS | No-op peak RSS | Provider processes | Tokens | GET | Writes | TCP connections |\n")
			b.WriteString("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n")
			for i, s := range k.steps {
				m := r[sinch][i]
				ideal := idealBound(opts, k.parallelism(opts, n), r[noop][i].wall, calls(m), provisioningWait(opts, k, s, n))
				fmt.Fprintf(&b, "| %s | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f s | %.1f MiB | %.1f MiB | %d | %d | %d | %d | %d |\n",
					s.name, m.wall.Seconds(), ideal.Seconds(), m.wall.Seconds()/ideal.Seconds(),
					r[noop][i].wall.Seconds(), r[terraformData][i].wall.Seconds(), m.wall.Seconds()/r[terraformData][i].wall.Seconds(),
					m.cpu.Seconds(), float64(m.peakRSSKiB)/1024, float64(r[noop][i].peakRSSKiB)/1024,
					m.processes, m.api.TokensIssued, m.api.Get, writes(m.api.Counts), m.api.Connections)
			}
			b.WriteString("\nChecks:\n\n")
			want := k.want(n)
			for i, s := range k.steps {
				m := r[sinch][i]
				got := apiCalls(m.api.Counts)
				wanted := describe(want[i])
				if k.waits[s.name] {
					wanted += fmt.Sprintf(", and %d to %d GET of each number while it waits", k.polls[0], k.polls[1])
				}
				check(countsHold(k, s, n, got, want[i]), "%s: %s, want %s", s.name, describe(got), wanted)
				check(m.api.TokensIssued <= m.processes && m.api.Token == m.api.TokensIssued,
					"%s: %d token(s) for %d provider process(es), none asked twice", s.name, m.api.TokensIssued, m.processes)
				limit := m.processes * (k.parallelism(opts, n) + spareConnections)
				check(m.api.Connections <= limit,
					"%s: %d TCP connections, at most %d (processes × (parallelism + %d))", s.name, m.api.Connections, limit, spareConnections)
				if wait := provisioningWait(opts, k, s, n); wait > 0 {
					// Sinch's provisioning cannot be hurried: the rest is held to the ratio at every N.
					rest := idealBound(opts, k.parallelism(opts, n), r[noop][i].wall, calls(m), 0)
					check(m.wall <= wait+time.Duration(maxRatioToIdeal*float64(rest)),
						"%s: %.2f s, within the wait of %.2f s (⌈N / parallelism⌉ × T) plus %.2f × the no-op provider and API time of %.2f s",
						s.name, m.wall.Seconds(), wait.Seconds(), maxRatioToIdeal, rest.Seconds())
				}
				if n >= ratioCheckedFrom {
					ideal := idealBound(opts, k.parallelism(opts, n), r[noop][i].wall, calls(m), provisioningWait(opts, k, s, n))
					check(m.wall.Seconds() <= maxRatioToIdeal*ideal.Seconds(),
						"%s: %.2f s, within %.2f × the ideal bound of %.2f s", s.name, m.wall.Seconds(), maxRatioToIdeal, ideal.Seconds())
				}
			}
			b.WriteString("\n")
		}

		if len(sizes) > 1 {
			smallest := sizes[0]
			perResource := func(variant string, i int) float64 {
				low, high := results[k.name][smallest][variant][i].peakRSSKiB, results[k.name][largest][variant][i].peakRSSKiB
				return float64(high-low) / float64(largest-smallest)
			}
			b.WriteString("## Memory\n\n")
			b.WriteString("Peak RSS of a provider process grows with N for any framework provider: the no-op provider " +
				"is the floor. The check holds the Sinch provider's growth beyond that floor to a small constant.\n\n")
			for i, s := range k.steps {
				ours, floor := perResource(sinch, i), perResource(noop, i)
				check(ours-floor <= maxGrowthKiBPerResource,
					"%s: %.1f MiB at N = %d, %.1f MiB at N = %d: %.1f KiB per resource, of which the no-op floor %.1f; "+
						"%.1f beyond it, at most %d", s.name,
					float64(results[k.name][smallest][sinch][i].peakRSSKiB)/1024, smallest,
					float64(results[k.name][largest][sinch][i].peakRSSKiB)/1024, largest, ours, floor, ours-floor, maxGrowthKiBPerResource)
			}
			b.WriteString("\n")
		}
	}
	return b.String(), failures
}

func sizeNames(sizes []int) []string {
	names := make([]string, len(sizes))
	for i, n := range sizes {
		names[i] = fmt.Sprintf("N = %d", n)
	}
	return names
}

func joinInts(ns []int) string {
	parts := make([]string, len(ns))
	for i, n := range ns {
		parts[i] = fmt.Sprint(n)
	}
	return strings.Join(parts, ",")
}

// onlyFlag is the -only flag of a run that ran some kinds only, for the report's command.
func onlyFlag(only string) string {
	if only == "" {
		return ""
	}
	return fmt.Sprintf(" -only %q", only)
}
