package client

import (
	"context"
	"testing"

	"golang.org/x/oauth2"
)

func TestRedact(t *testing.T) {
	for _, tc := range []struct{ text, secret, want string }{
		// A short secret inside a longer word is chance, not the secret.
		{"Project no-such-project not found", "s", "Project no-such-project not found"},
		{"Project no-such-project not found", "such", "Project no-such-project not found"},
		{"hmacSecret_s is wrong", "s", "hmacSecret_s is wrong"},
		// ...but standing as a word of its own, it is hidden.
		{"hmacSecret 's' is too short", "s", "hmacSecret '(redacted)' is too short"},
		{"hmacSecret s is too short", "s", "hmacSecret (redacted) is too short"},
		{"value: s.", "s", "value: (redacted)."},
		{"s", "s", "(redacted)"},
		{"é is not ASCII", "é", "(redacted) is not ASCII"},
		{"aaa aa", "aa", "aaa (redacted)"},
		// A secret whose edge is not a word character has a boundary of its own.
		{"value=#k1", "#k1", "value=(redacted)"},
		// A long secret is hidden wherever it appears.
		{"secret xd1c7ccbf-919dx is weak", "d1c7ccbf-919d", "secret x(redacted)x is weak"},
		{"'d1c7ccbf-919d' and d1c7ccbf-919d", "d1c7ccbf-919d", "'(redacted)' and (redacted)"},
		{"nothing to hide", "", "nothing to hide"},
		{"nothing to hide", "absent", "nothing to hide"},
	} {
		if got := redact(tc.text, tc.secret); got != tc.want {
			t.Errorf("redact(%q, %q) = %q, want %q", tc.text, tc.secret, got, tc.want)
		}
	}
}

// Invalidate drops the token it is given only while it is still the current one: a call that saw an
// old token expire must not drop the new one that another call fetched since.
func TestTokenSource_invalidateDropsOnlyTheCurrentToken(t *testing.T) {
	s := newTokenSource(Config{}, nil, func(context.Context, string, map[string]any) {})
	old, current := &oauth2.Token{AccessToken: "old"}, &oauth2.Token{AccessToken: "current"}
	s.token = current
	s.Invalidate(old)
	if s.token != current {
		t.Error("Invalidate of an older token dropped the current one")
	}
	s.Invalidate(current)
	if s.token != nil {
		t.Error("Invalidate kept the token")
	}
}

// A secret quoted in a JSON body (an answer that quotes the request it refused) is escaped: Go and most
// encoders write "&", "<" and ">" as \u0026, \u003c and \u003e, '"' as \" and "\" as \\, and each
// level of quoting doubles the backslashes. Every such form is hidden.
func TestRedact_jsonForms(t *testing.T) {
	const secret = `Xk3&pQ9<z>"a\b/é😀`
	for _, form := range []string{
		secret,
		`Xk3\u0026pQ9\u003cz\u003e\"a\\b/\u00e9\ud83d\ude00`,
		`Xk3\u0026pQ9\u003Cz\u003E\"a\\b\/é😀`,
		`Xk3&pQ9<z>\"a\\b/é😀`,
		`Xk3\\u0026pQ9\\u003cz\\u003e\\\"a\\\\b/é😀`,
		`\u0058\u006b\u0033\u0026\u0070\u0051\u0039\u003c\u007a\u003e\u0022\u0061\u005c\u0062\u002f\u00e9\uD83D\uDE00`,
	} {
		text := `refused {"secret":"` + form + `"} for p1`
		if got := redact(text, secret); got != `refused {"secret":"(redacted)"} for p1` {
			t.Errorf("redact(%q) = %q", text, got)
		}
	}
	// The hexadecimal digits a to f, the ends of the range, in either case.
	for _, form := range []string{`\u00aa\u00ff-k3y`, `\u00AA\u00FF-k3y`, `\u00Aa\u00fF-k3y`} {
		if got := redact(`{"secret":"`+form+`"}`, "ªÿ-k3y"); got != `{"secret":"(redacted)"}` {
			t.Errorf("redact of %q = %q", form, got)
		}
	}
	// A short secret in escaped form is hidden only as a word of its own, as it is in clear.
	if got := redact(`value \u0026k in a\u0026kb`, "&k"); got != `value (redacted) in a\u0026kb` {
		t.Errorf("short secret: %q", got)
	}
}
