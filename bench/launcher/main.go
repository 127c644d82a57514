// Command launcher stands in for a provider binary: it runs the provider named by BENCH_PROVIDER with
// Terraform's arguments, environment and standard streams, and when the provider exits appends its CPU
// time and peak memory as a JSON line to the file named by BENCH_USAGE.
package main

import (
	"encoding/json"
	"errors"
	"log"
	"os"
	"os/exec"
	"os/signal"
	"syscall"
)

func main() {
	cmd := exec.Command(os.Getenv("BENCH_PROVIDER"), os.Args[1:]...)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = os.Stdin, os.Stdout, os.Stderr
	if err := cmd.Start(); err != nil {
		log.Fatal(err)
	}
	signals := make(chan os.Signal, 1)
	signal.Notify(signals, syscall.SIGINT, syscall.SIGTERM)
	go func() {
		for s := range signals {
			_ = cmd.Process.Signal(s)
		}
	}()
	err := cmd.Wait()
	var exit *exec.ExitError
	if err != nil && !errors.As(err, &exit) {
		log.Fatal(err)
	}
	if usage, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		record(usage)
	}
	os.Exit(cmd.ProcessState.ExitCode())
}

func record(usage *syscall.Rusage) {
	f, err := os.OpenFile(os.Getenv("BENCH_USAGE"), os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o600)
	if err != nil {
		log.Fatal(err)
	}
	defer f.Close()
	_ = json.NewEncoder(f).Encode(map[string]int64{
		"cpu_ms":     (usage.Utime.Nano() + usage.Stime.Nano()) / 1e6,
		"maxrss_kib": usage.Maxrss, // Linux reports kilobytes
	})
}
