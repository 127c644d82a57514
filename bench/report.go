package main

import (
	"fmt"
	"runtime"
	"strings"
	"time"
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
// calls' latency spread over Terraform's parallelism.
func idealBound(opts options, noopWall time.Duration, api int) time.Duration {
	return noopWall + time.Duration(api)*opts.latency/time.Duration(opts.parallelism)
}

func calls(m measurement) int { return m.api.Token + m.api.Get + m.api.Put + m.api.Other }

// writeReport returns the report in Markdown, and how many checks failed.
func writeReport(opts options, cli string, results map[int]map[string][]measurement) (string, int) {
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
	fmt.Fprintf(&b, "Made with `make bench` (`go run ./bench -n %s -latency %s -parallelism %d`) on %s, %d cores, "+
		"against the standalone mock with %s added to every API call. Times are wall-clock seconds of one run.\n\n",
		joinInts(sizes), opts.latency, opts.parallelism, cli, runtime.NumCPU(), opts.latency)
	b.WriteString("The ideal bound of a step is the no-op provider's time plus (API calls × latency) / parallelism.\n\n")

	for _, n := range sizes {
		r := results[n]
		fmt.Fprintf(&b, "## N = %d\n\n", n)
		b.WriteString("| Step | Sinch | Ideal bound | Sinch / ideal | No-op provider | terraform_data | Sinch / terraform_data " +
			"| Provider CPU | Provider peak RSS | No-op peak RSS | Provider processes | Tokens | GET | PUT | TCP connections |\n")
		b.WriteString("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n")
		for i, s := range steps {
			m := r[sinch][i]
			ideal := idealBound(opts, r[noop][i].wall, calls(m))
			fmt.Fprintf(&b, "| %s | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f s | %.1f MiB | %.1f MiB | %d | %d | %d | %d | %d |\n",
				s.name, m.wall.Seconds(), ideal.Seconds(), m.wall.Seconds()/ideal.Seconds(),
				r[noop][i].wall.Seconds(), r[terraformData][i].wall.Seconds(), m.wall.Seconds()/r[terraformData][i].wall.Seconds(),
				m.cpu.Seconds(), float64(m.peakRSSKiB)/1024, float64(r[noop][i].peakRSSKiB)/1024,
				m.processes, m.api.TokensIssued, m.api.Get, m.api.Put, m.api.Connections)
		}
		b.WriteString("\nChecks:\n\n")
		wantGets := []int{0, n, n, n}
		wantPuts := []int{n, 0, n, 0}
		for i, s := range steps {
			m := r[sinch][i]
			check(m.api.Get == wantGets[i] && m.api.Put == wantPuts[i] && m.api.Other == 0,
				"%s: %d GET and %d PUT, want %d and %d", s.name, m.api.Get, m.api.Put, wantGets[i], wantPuts[i])
			check(m.api.TokensIssued <= m.processes && m.api.Token == m.api.TokensIssued,
				"%s: %d token(s) for %d provider process(es), none asked twice", s.name, m.api.TokensIssued, m.processes)
			limit := m.processes * (opts.parallelism + spareConnections)
			check(m.api.Connections <= limit,
				"%s: %d TCP connections, at most %d (processes × (parallelism + %d))", s.name, m.api.Connections, limit, spareConnections)
			if n >= ratioCheckedFrom {
				ideal := idealBound(opts, r[noop][i].wall, calls(m))
				check(m.wall.Seconds() <= maxRatioToIdeal*ideal.Seconds(),
					"%s: %.2f s, within %.2f × the ideal bound of %.2f s", s.name, m.wall.Seconds(), maxRatioToIdeal, ideal.Seconds())
			}
		}
		b.WriteString("\n")
	}

	if len(sizes) > 1 {
		smallest := sizes[0]
		perResource := func(variant string, i int) float64 {
			low, high := results[smallest][variant][i].peakRSSKiB, results[largest][variant][i].peakRSSKiB
			return float64(high-low) / float64(largest-smallest)
		}
		b.WriteString("## Memory\n\n")
		b.WriteString("Peak RSS of a provider process grows with N for any framework provider: the no-op provider " +
			"is the floor. The check holds the Sinch provider's growth beyond that floor to a small constant.\n\n")
		for i, s := range steps {
			ours, floor := perResource(sinch, i), perResource(noop, i)
			check(ours-floor <= maxGrowthKiBPerResource,
				"%s: %.1f MiB at N = %d, %.1f MiB at N = %d: %.1f KiB per resource, of which the no-op floor %.1f; "+
					"%.1f beyond it, at most %d", s.name,
				float64(results[smallest][sinch][i].peakRSSKiB)/1024, smallest,
				float64(results[largest][sinch][i].peakRSSKiB)/1024, largest, ours, floor, ours-floor, maxGrowthKiBPerResource)
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
