package sinchmock_test

import (
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"testing"

	"github.com/terraform-sinch/terraform-provider-sinch/internal/sinchmock"
)

// listPage lists a page of p1's webhooks and returns their targets and the answer.
func listPage(t *testing.T, mock *sinchmock.Running, bearer, query string) ([]string, provisioningAnswer) {
	t.Helper()
	a := provisioningCall(t, mock, bearer, http.MethodGet, "/p1/webhooks?"+query, "")
	if a.code != 200 {
		t.Fatalf("list ?%s: %d %s", query, a.code, a.raw)
	}
	hooks, _ := a.body["webhooks"].([]any)
	targets := []string{}
	for _, h := range hooks {
		hook, _ := h.(map[string]any)
		if _, ok := hook["secret"]; ok {
			t.Errorf("a list answers a secret: %s", a.raw)
		}
		target, _ := hook["target"].(string)
		targets = append(targets, target)
	}
	return targets, a
}

// addTargets makes webhooks in p1 with these targets, in this order.
func addTargets(mock *sinchmock.Running, targets ...string) map[string]string {
	ids := map[string]string{}
	for _, target := range targets {
		ids[target] = mock.AddProvisioningWebhook("p1", sinchmock.ProvisioningWebhook{Target: target, Secret: "s", Triggers: []string{"ALL"}})
	}
	return ids
}

func TestProvisioning_pages(t *testing.T) {
	mock, bearer := startProvisioning(t)
	addTargets(mock, "https://e.example/", "https://a.example/", "https://g.example/", "https://c.example/", "https://b.example/",
		"https://f.example/", "https://d.example/")
	var all []string
	query := "pageSize=3"
	var pages []provisioningAnswer
	for range 4 {
		targets, a := listPage(t, mock, bearer, query)
		all, pages = append(all, targets...), append(pages, a)
		if a.body["totalSize"] != 7.0 || a.body["pageSize"] != 3.0 {
			t.Errorf("?%s: %s", query, a.raw)
		}
		next, _ := a.body["nextPageToken"].(string)
		if next == "" {
			break
		}
		query = "pageSize=3&pageToken=" + url.QueryEscape(next)
	}
	want := []string{"https://a.example/", "https://b.example/", "https://c.example/", "https://d.example/", "https://e.example/",
		"https://f.example/", "https://g.example/"}
	if !slices.Equal(all, want) || len(pages) != 3 {
		t.Fatalf("%d pages of %v, want 3 pages of %v (by target)", len(pages), all, want)
	}
	if _, ok := pages[0].body["previousPageToken"]; ok {
		t.Errorf("the first page has a previous page: %s", pages[0].raw)
	}
	previous, _ := pages[2].body["previousPageToken"].(string)
	if targets, _ := listPage(t, mock, bearer, "pageSize=3&pageToken="+url.QueryEscape(previous)); !slices.Equal(targets, want[3:6]) {
		t.Errorf("the page before the last: %v", targets)
	}
	if targets, _ := listPage(t, mock, bearer, ""); !slices.Equal(targets, want) {
		t.Errorf("without pageSize: %v, want all (15 a page)", targets)
	}
}

// A webhook deleted or made between two pages neither repeats nor hides another.
func TestProvisioning_pagesWhileChanging(t *testing.T) {
	mock, bearer := startProvisioning(t)
	ids := addTargets(mock, "https://a.example/", "https://b.example/", "https://c.example/", "https://d.example/")
	first, a := listPage(t, mock, bearer, "pageSize=2")
	mock.DeleteProvisioningWebhook(ids["https://a.example/"])
	addTargets(mock, "https://0.example/")
	next, _ := a.body["nextPageToken"].(string)
	second, _ := listPage(t, mock, bearer, "pageSize=2&pageToken="+url.QueryEscape(next))
	if !slices.Equal(first, []string{"https://a.example/", "https://b.example/"}) || !slices.Equal(second, []string{"https://c.example/", "https://d.example/"}) {
		t.Errorf("pages %v then %v", first, second)
	}
}

// The mock's page size is the size of a page without pageSize, and the most a page holds with one.
func TestProvisioning_defaultPageSize(t *testing.T) {
	mock, bearer := startProvisioning(t, func(o *sinchmock.Options) { o.ProvisioningPageSize = 2 })
	addTargets(mock, "https://a.example/", "https://b.example/", "https://c.example/")
	targets, a := listPage(t, mock, bearer, "")
	if len(targets) != 2 || a.body["pageSize"] != 2.0 || a.body["nextPageToken"] == nil {
		t.Errorf("without pageSize: %s", a.raw)
	}
	// A larger pageSize gets pages of the mock's size: a server may answer fewer than asked.
	if targets, a := listPage(t, mock, bearer, "pageSize=15"); len(targets) != 2 || a.body["nextPageToken"] == nil {
		t.Errorf("pageSize=15: %v", targets)
	}
	if targets, _ := listPage(t, mock, bearer, "pageSize=1"); len(targets) != 1 {
		t.Errorf("pageSize=1: %v", targets)
	}
	for _, size := range []int{-1, 16} {
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("ProvisioningPageSize %d was taken", size)
				}
			}()
			sinchmock.New(sinchmock.Options{ProvisioningPageSize: size})
		}()
	}
}

func TestProvisioning_badPages(t *testing.T) {
	mock, bearer := startProvisioning(t)
	addTargets(mock, "https://a.example/", "https://b.example/")
	_, a := listPage(t, mock, bearer, "pageSize=1")
	token, _ := a.body["nextPageToken"].(string)
	otherProject := mock.AddProvisioningWebhook("p2", sinchmock.ProvisioningWebhook{Target: "https://a.example/", Secret: "s", Triggers: []string{"ALL"}})
	mock.AddProvisioningWebhook("p2", sinchmock.ProvisioningWebhook{Target: "https://b.example/", Secret: "s", Triggers: []string{"ALL"}})
	p2 := provisioningCall(t, mock, bearer, http.MethodGet, "/p2/webhooks?pageSize=1", "")
	p2Token, _ := p2.body["nextPageToken"].(string)
	if token == "" || p2Token == "" || otherProject == "" {
		t.Fatalf("no page tokens: %s %s", a.raw, p2.raw)
	}
	for _, tc := range []struct {
		query, want string
	}{
		{"pageSize=0", sinchmock.ProvisioningInvalidPageSize},
		{"pageSize=16", sinchmock.ProvisioningInvalidPageSize},
		{"pageSize=-1", sinchmock.ProvisioningInvalidPageSize},
		{"pageSize=ten", sinchmock.ProvisioningInvalidPageSize},
		{"pageToken=not-a-token", sinchmock.ProvisioningInvalidPageToken},
		{"pageToken=" + url.QueryEscape(p2Token), sinchmock.ProvisioningInvalidPageToken}, // another project's
	} {
		a := provisioningCall(t, mock, bearer, http.MethodGet, "/p1/webhooks?"+tc.query, "")
		if a.code != 400 || papiError(t, a) != tc.want {
			t.Errorf("?%s: %d %s, want 400 %s", tc.query, a.code, a.raw, tc.want)
		}
	}
	if targets, _ := listPage(t, mock, bearer, "pageToken="+url.QueryEscape(token)); fmt.Sprint(targets) != "[https://b.example/]" {
		t.Errorf("a good token: %v", targets)
	}
	mock.ExpireProvisioningPageTokens()
	stale := provisioningCall(t, mock, bearer, http.MethodGet, "/p1/webhooks?pageToken="+url.QueryEscape(token), "")
	want := `{"errorCode":"INVALID_PAGE_TOKEN","message":"The page token is not valid, or has expired.",` +
		`"resolution":"List again without pageToken, and use the page tokens of that list."}` + "\n"
	if stale.code != 400 || stale.raw != want {
		t.Errorf("a stale token: %d %s", stale.code, stale.raw)
	}
}
