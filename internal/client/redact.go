package client

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// redactedMark stands where a secret was.
const redactedMark = "(redacted)"

// minEmbeddedRedaction is the length from which a secret is hidden even inside a longer word.
const minEmbeddedRedaction = 8

// redact hides secret in text, as Sinch may quote a value it refused. Replacing every occurrence of a
// short secret would garble unrelated words (with the secret "s", "no-such-project" became
// "no-(redacted)uch-project"), so a secret is hidden where it can really be the secret:
//   - one of minEmbeddedRedaction characters or more wherever it occurs, since such a match is never
//     chance;
//   - a shorter one where it stands as a word of its own, not inside a longer word.
func redact(text, secret string) string {
	if secret == "" || !strings.Contains(text, secret) {
		return text
	}
	if utf8.RuneCountInString(secret) >= minEmbeddedRedaction {
		return strings.ReplaceAll(text, secret, redactedMark)
	}
	first, firstSize := utf8.DecodeRuneInString(secret)
	last, _ := utf8.DecodeLastRuneInString(secret)
	var b strings.Builder
	done := 0 // text[:done] is written
	for from := 0; ; {
		i := strings.Index(text[from:], secret)
		if i < 0 {
			b.WriteString(text[done:])
			return b.String()
		}
		start, end := from+i, from+i+len(secret)
		before, _ := utf8.DecodeLastRuneInString(text[:start])
		after, _ := utf8.DecodeRuneInString(text[end:])
		startsWord := start == 0 || !isWordRune(before) || !isWordRune(first)
		endsWord := end == len(text) || !isWordRune(after) || !isWordRune(last)
		if !startsWord || !endsWord {
			// Part of a longer word: look again from its next character.
			from = start + firstSize
			continue
		}
		b.WriteString(text[done:start])
		b.WriteString(redactedMark)
		done, from = end, end
	}
}

// isWordRune tells whether r continues a word: a letter, a digit, or one of the joiners of IDs such as
// "no-such-project" and "key_id".
func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || r == '-' || r == '_'
}
