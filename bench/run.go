package main

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"log"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"time"

	"github.com/terraform-sinch/terraform-provider-sinch/internal/sinchmock"
)

// measurement is what one step cost.
type measurement struct {
	wall time.Duration
	// cpu and peakRSSKiB sum up the provider processes of the step: CPU time added, memory the largest.
	cpu        time.Duration
	peakRSSKiB int64
	processes  int
	// api is what the mock served during the step (sinch only).
	api sinchmock.Stats
}

// configuration is main.tf for a variant: N resources with for_each, whose secret is var.secret.
func configuration(k kind, variant string, n int) string {
	keys := fmt.Sprintf(`toset([for i in range(%d) : format("%%04d", i)])`, n)
	if variant == terraformData {
		return fmt.Sprintf(`
variable "secret" { type = string }

resource "terraform_data" "bench" {
  for_each = %s
  input    = "${var.secret}-${each.key}"
}
`, keys)
	}
	resourceType := map[string]string{sinch: k.sinchType, noop: k.noopType}[variant]
	return fmt.Sprintf(`
terraform {
  required_providers {
    %[1]s = { source = "terraform-sinch/%[1]s" }
  }
}

variable "secret" {
  type      = string
  sensitive = true
}

resource %[2]q "bench" {
  for_each = %[3]s
%[4]s
}
`, variant, resourceType, keys, k.arguments)
}

// variantRun is one variant of a kind at one size, in a folder of its own, ready to run its steps.
type variantRun struct {
	opts    options
	variant string
	n       int
	// parallelism is Terraform's -parallelism for the kind's steps (kind.parallelism).
	parallelism int
	dir         string
	env         []string
	usage       string
	stats       func() sinchmock.Stats
	stop        func() // stops the mock
}

// prepare writes a variant's configuration and starts its mock (sinch only), which stop stops.
func prepare(opts options, bins binaries, k kind, variant string, n int, dir string) *variantRun {
	must(os.MkdirAll(dir, 0o700))
	must(os.WriteFile(filepath.Join(dir, "main.tf"), []byte(configuration(k, variant, n)), 0o600))
	cliConfig := filepath.Join(dir, "cli.tfrc")
	must(os.WriteFile(cliConfig, []byte(fmt.Sprintf(`provider_installation {
  dev_overrides {
    "terraform-sinch/sinch" = %[1]q
    "terraform-sinch/noop"  = %[1]q
  }
  direct {}
}
`, bins.plugins)), 0o600))
	v := &variantRun{opts: opts, variant: variant, n: n, parallelism: k.parallelism(opts, n), dir: dir, usage: filepath.Join(dir, "usage.jsonl"),
		stats: func() sinchmock.Stats { return sinchmock.Stats{} }, stop: func() {}}
	v.env = append(os.Environ(),
		"CHECKPOINT_DISABLE=1",
		"TF_IN_AUTOMATION=1",
		"TF_CLI_CONFIG_FILE="+cliConfig,
		"BENCH_USAGE="+v.usage,
		"BENCH_PROVIDER="+bins.providers[variant],
	)
	if variant == sinch {
		var mockEnv []string
		mockEnv, v.stats, v.stop = startMock(opts, bins, k, n, dir)
		v.env = append(v.env, mockEnv...)
	}
	return v
}

// step runs one Terraform command of the variant and measures it.
func (v *variantRun) step(s step) measurement {
	_ = os.Remove(v.usage)
	before := v.stats()
	args := append(append([]string(nil), s.args...), "-input=false", "-no-color",
		fmt.Sprintf("-parallelism=%d", v.parallelism), "-var", "secret="+s.secret)
	cmd := exec.Command(v.opts.terraform, args...)
	cmd.Dir, cmd.Env = v.dir, v.env
	start := time.Now()
	out, err := cmd.CombinedOutput()
	m := measurement{wall: time.Since(start)}
	if err != nil {
		log.Fatalf("%s, N=%d, %s: %v\n%s", v.variant, v.n, s.name, err, out)
	}
	m.api = subtract(v.stats(), before)
	m.cpu, m.peakRSSKiB, m.processes = readUsage(v.usage)
	return m
}

// startMock starts the standalone mock with n projects (and what the kind asks for besides), and returns
// the provider's settings, a reader of the mock's counts, and a stop function.
func startMock(opts options, bins binaries, k kind, n int, dir string) ([]string, func() sinchmock.Stats, func()) {
	envFile := filepath.Join(dir, "mock.env")
	args := []string{"-project-count", fmt.Sprint(n), "-app-count", fmt.Sprint(appsOf(n)),
		"-latency", opts.latency.String(), "-admin-listen", "127.0.0.1:0", "-env-file", envFile}
	if k.mockArgs != nil {
		args = append(args, k.mockArgs(n)...)
	}
	cmd := exec.Command(bins.mock, args...)
	cmd.Stdout = nil
	must(cmd.Start())
	deadline := time.Now().Add(10 * time.Second)
	for {
		if info, err := os.Stat(envFile); err == nil && info.Size() > 0 {
			break
		}
		if time.Now().After(deadline) {
			log.Fatal("the mock did not start")
		}
		time.Sleep(20 * time.Millisecond)
	}
	raw, err := os.ReadFile(envFile)
	must(err)
	var env []string
	var admin string
	for name, value := range sinchmock.ParseShellExports(string(raw)) {
		if name == "SINCH_MOCK_ADMIN_URL" {
			admin = value
		} else {
			env = append(env, name+"="+value)
		}
	}
	stats := func() sinchmock.Stats {
		resp, err := http.Get(admin + "/stats")
		must(err)
		defer resp.Body.Close()
		var s sinchmock.Stats
		must(json.NewDecoder(resp.Body).Decode(&s))
		return s
	}
	stop := func() {
		_ = cmd.Process.Signal(os.Interrupt)
		_ = cmd.Wait()
	}
	return env, stats, stop
}

func subtract(after, before sinchmock.Stats) sinchmock.Stats {
	return sinchmock.Stats{
		Counts:       after.Sub(before.Counts),
		TokensIssued: after.TokensIssued - before.TokensIssued,
		Connections:  after.Connections - before.Connections,
	}
}

// readUsage sums the launcher's records of the provider processes that exited during a step.
func readUsage(file string) (cpu time.Duration, peakKiB int64, processes int) {
	f, err := os.Open(file)
	if errors.Is(err, os.ErrNotExist) {
		return 0, 0, 0 // terraform_data: no provider process
	}
	must(err)
	defer f.Close()
	lines := bufio.NewScanner(f)
	for lines.Scan() {
		var u struct {
			CPUms     int64 `json:"cpu_ms"`
			MaxRSSKiB int64 `json:"maxrss_kib"`
		}
		must(json.Unmarshal(lines.Bytes(), &u))
		cpu += time.Duration(u.CPUms) * time.Millisecond
		peakKiB = max(peakKiB, u.MaxRSSKiB)
		processes++
	}
	return cpu, peakKiB, processes
}

func must(err error) {
	if err != nil {
		log.Fatal(err)
	}
}
