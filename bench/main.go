// Command bench measures plan and apply of N callback configurations, of N Conversation API and N
// Provisioning API webhooks, and of N rented numbers (whose apply waits for Sinch's provisioning), on the
// real Terraform CLI, against the standalone mock with a fixed latency per API call,
// beside two baselines run the same way: N terraform_data resources (Terraform's own cost) and N
// resources of a no-op framework provider with the same schema (the floor for any provider plugin). It
// writes a Markdown report and fails when a check does not hold.
//
//	go run ./bench -n 10,100,1000 -latency 25ms -parallelism 10 -out bench/RESULTS.md
package main

import (
	"flag"
	"fmt"
	"log"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// The three configurations measured.
const (
	sinch         = "sinch"
	noop          = "noop"
	terraformData = "terraform_data"
)

var variants = []string{terraformData, noop, sinch}

type options struct {
	sizes       []int
	latency     time.Duration
	parallelism int
	terraform   string
	out         string
	// kinds are the parts of the benchmark to run: every kind, or those -only names.
	kinds []kind
	only  string
}

func main() {
	log.SetFlags(0)
	var opts options
	sizes := flag.String("n", "10,100,1000", "comma-separated numbers of configurations")
	flag.DurationVar(&opts.latency, "latency", 25*time.Millisecond, "latency the mock adds to every API call")
	flag.IntVar(&opts.parallelism, "parallelism", 10, "Terraform's -parallelism")
	flag.StringVar(&opts.terraform, "terraform", "", "the CLI (default: TF_ACC_TERRAFORM_PATH, else terraform on PATH)")
	flag.StringVar(&opts.out, "out", "", "also write the report to this file")
	flag.StringVar(&opts.only, "only", "", "run only the kinds whose name contains this (\"callback\", \"webhook\", \"active numbers\")")
	flag.Parse()
	for _, k := range kinds {
		if strings.Contains(k.name, opts.only) {
			opts.kinds = append(opts.kinds, k)
		}
	}
	if len(opts.kinds) == 0 {
		log.Fatalf("-only: no kind's name contains %q", opts.only)
	}
	for _, s := range strings.Split(*sizes, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(s))
		if err != nil || n < 1 {
			log.Fatalf("-n: %q is not a positive number", s)
		}
		opts.sizes = append(opts.sizes, n)
	}
	if opts.terraform == "" {
		opts.terraform = os.Getenv("TF_ACC_TERRAFORM_PATH")
	}
	if opts.terraform == "" {
		path, err := exec.LookPath("terraform")
		if err != nil {
			log.Fatal("bench needs the Terraform CLI: put terraform on PATH or pass -terraform")
		}
		opts.terraform = path
	}

	work, err := os.MkdirTemp("", "sinch-bench-")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(work)
	bins := build(work)

	// The variants take turns step by step (terraform_data, no-op, Sinch; then the next step), so that a
	// slower stretch of the machine falls on every variant of a step rather than on one variant's steps.
	results := map[string]map[int]map[string][]measurement{}
	for i, k := range opts.kinds {
		results[k.name] = map[int]map[string][]measurement{}
		for _, n := range opts.sizes {
			results[k.name][n] = map[string][]measurement{}
			runs := map[string]*variantRun{}
			for _, variant := range variants {
				runs[variant] = prepare(opts, bins, k, variant, n, filepath.Join(work, fmt.Sprintf("%d-%s-%d", i, variant, n)))
			}
			for _, s := range k.steps {
				for _, variant := range variants {
					log.Printf("%s, N=%d, %s, %s", k.name, n, s.name, variant)
					results[k.name][n][variant] = append(results[k.name][n][variant], runs[variant].step(s))
				}
			}
			for _, r := range runs {
				r.stop()
			}
		}
	}

	report, failures := writeReport(opts, cliVersion(opts.terraform), results)
	fmt.Print(report)
	if opts.out != "" {
		if err := os.WriteFile(opts.out, []byte(report), 0o644); err != nil {
			log.Fatal(err)
		}
	}
	if failures > 0 {
		log.Fatalf("%d check(s) failed", failures)
	}
}

// binaries are what the benchmark builds for itself.
type binaries struct {
	mock      string
	providers map[string]string // variant → the provider binary
	plugins   string            // folder of launchers, named as Terraform looks for the providers
	launcher  string
}

func build(work string) binaries {
	b := binaries{
		mock:      filepath.Join(work, "bin", "sinch-mock"),
		providers: map[string]string{sinch: filepath.Join(work, "bin", "sinch"), noop: filepath.Join(work, "bin", "noop")},
		plugins:   filepath.Join(work, "plugins"),
		launcher:  filepath.Join(work, "plugins", "terraform-provider-sinch"),
	}
	for out, pkg := range map[string]string{
		b.mock: "./cmd/sinch-mock", b.providers[sinch]: ".", b.providers[noop]: "./bench/noop-provider", b.launcher: "./bench/launcher",
	} {
		cmd := exec.Command("go", "build", "-trimpath", "-o", out, pkg)
		cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
		if err := cmd.Run(); err != nil {
			log.Fatalf("building %s: %v", pkg, err)
		}
	}
	if err := os.Link(b.launcher, filepath.Join(b.plugins, "terraform-provider-noop")); err != nil {
		log.Fatal(err)
	}
	return b
}

func cliVersion(cli string) string {
	out, err := exec.Command(cli, "version").Output()
	if err != nil {
		return "unknown"
	}
	return strings.SplitN(string(out), "\n", 2)[0]
}
