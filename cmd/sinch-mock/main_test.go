package main

import (
	"bufio"
	"encoding/json"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"slices"
	"strings"
	"testing"

	"github.com/terraform-sinch/terraform-provider-sinch/internal/sinchmock"
)

// TestMain runs the command itself when a test starts this binary with SINCH_MOCK_RUN_MAIN set.
func TestMain(m *testing.M) {
	if os.Getenv("SINCH_MOCK_RUN_MAIN") != "" {
		main()
		return
	}
	os.Exit(m.Run())
}

// runMock starts the command with args, and returns the settings it prints.
func runMock(t *testing.T, args ...string) map[string]string {
	t.Helper()
	cmd := exec.Command(os.Args[0], args...)
	cmd.Env = append(os.Environ(), "SINCH_MOCK_RUN_MAIN=1")
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		_ = cmd.Process.Kill()
		_ = cmd.Wait()
	})
	var text strings.Builder
	var names []string
	for lines := bufio.NewScanner(stdout); lines.Scan(); {
		text.WriteString(lines.Text() + "\n")
		name, _, _ := strings.Cut(strings.TrimPrefix(lines.Text(), "export "), "=")
		names = append(names, name)
		if name == "SINCH_MOCK_ADMIN_URL" {
			break
		}
	}
	want := []string{"SINCH_API_URL", "SINCH_BRANDS_API_URL", "SINCH_NUMBERS_API_URL", "SINCH_IMPORTED_NUMBERS_API_URL",
		"SINCH_CONVERSATION_API_URL", "SINCH_PROVISIONING_API_URL", "SINCH_TOKEN_URL", "SINCH_KEY_ID", "SINCH_KEY_SECRET",
		"SINCH_PROJECT_ID", "SINCH_MOCK_ADMIN_URL"}
	if !slices.Equal(names, want) {
		t.Fatalf("printed\n%s\nwant the settings %v in that order", text.String(), want)
	}
	return sinchmock.ParseShellExports(text.String())
}

// The Provisioning API is served at SINCH_PROVISIONING_API_URL, with the page size of the flag.
func TestProvisioningListener(t *testing.T) {
	settings := runMock(t, "-provisioning-page-size", "2")
	for _, target := range []string{"https://a.example/", "https://b.example/", "https://c.example/"} {
		resp, err := http.Post(settings["SINCH_MOCK_ADMIN_URL"]+"/provisioning/webhooks", "application/json",
			strings.NewReader(`{"projectId":"demo-project","target":"`+target+`","secret":"s","triggers":["ALL"]}`))
		if err != nil || resp.StatusCode != http.StatusCreated {
			t.Fatalf("admin POST: %v %v", resp, err)
		}
		resp.Body.Close()
	}
	tokenReq, _ := http.NewRequest(http.MethodPost, settings["SINCH_TOKEN_URL"], strings.NewReader(url.Values{"grant_type": {"client_credentials"}}.Encode()))
	tokenReq.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	tokenReq.SetBasicAuth(settings["SINCH_KEY_ID"], settings["SINCH_KEY_SECRET"])
	var token struct {
		AccessToken string `json:"access_token"`
	}
	tokenResp, err := http.DefaultClient.Do(tokenReq)
	if err != nil {
		t.Fatal(err)
	}
	defer tokenResp.Body.Close()
	if err := json.NewDecoder(tokenResp.Body).Decode(&token); err != nil {
		t.Fatalf("token: %v", err)
	}
	req, _ := http.NewRequest(http.MethodGet, settings["SINCH_PROVISIONING_API_URL"]+"/v1/projects/demo-project/webhooks", nil)
	req.Header.Set("Authorization", "Bearer "+token.AccessToken)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var page struct {
		TotalSize int              `json:"totalSize"`
		PageSize  int              `json:"pageSize"`
		Webhooks  []map[string]any `json:"webhooks"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&page); err != nil || resp.StatusCode != 200 || page.TotalSize != 3 || page.PageSize != 2 ||
		len(page.Webhooks) != 2 {
		t.Errorf("list: HTTP %d %+v %v", resp.StatusCode, page, err)
	}
}

func TestProvisioningPageSizeOutOfRange(t *testing.T) {
	cmd := exec.Command(os.Args[0], "-provisioning-page-size", "16")
	cmd.Env = append(os.Environ(), "SINCH_MOCK_RUN_MAIN=1")
	if out, err := cmd.CombinedOutput(); err == nil || !strings.Contains(string(out), "-provisioning-page-size 16 is not from 1 to 15") {
		t.Errorf("%v: %s", err, out)
	}
}
