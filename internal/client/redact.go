package client

import (
	"fmt"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"
)

// redactedMark stands where a secret was.
const redactedMark = "(redacted)"

// minEmbeddedRedaction is the length from which a secret is hidden even inside a longer word.
const minEmbeddedRedaction = 8

// redact hides secret in text, as Sinch may quote a value it refused: as it is, or as it stands in a
// JSON body (an answer that quotes the request it refused quotes JSON, where a random_password's "&"
// is "\u0026", its '"' is "\"" and its "\" is "\\", escaped once more for each level of quoting).
// Replacing every occurrence of a short secret would garble unrelated words (with the secret "s",
// "no-such-project" became "no-(redacted)uch-project"), so a secret is hidden where it can really be
// the secret:
//   - one of minEmbeddedRedaction characters or more wherever it occurs, since such a match is never
//     chance;
//   - a shorter one where it stands as a word of its own, not inside a longer word.
func redact(text, secret string) string {
	if secret == "" {
		return text
	}
	if !strings.Contains(text, secret) && !strings.Contains(text, `\`) {
		return text
	}
	forms := secretForms(secret)
	long := utf8.RuneCountInString(secret) >= minEmbeddedRedaction
	first, _ := utf8.DecodeRuneInString(secret)
	last, _ := utf8.DecodeLastRuneInString(secret)
	var b strings.Builder
	done := 0 // text[:done] is written
	for from := 0; from <= len(text); {
		match := forms.FindStringIndex(text[from:])
		if match == nil {
			break
		}
		start, end := from+match[0], from+match[1]
		before, _ := utf8.DecodeLastRuneInString(text[:start])
		after, _ := utf8.DecodeRuneInString(text[end:])
		startsWord := start == 0 || !isWordRune(before) || !isWordRune(first)
		endsWord := end == len(text) || !isWordRune(after) || !isWordRune(last)
		if !long && (!startsWord || !endsWord) {
			// Part of a longer word: look again from its next character.
			_, size := utf8.DecodeRuneInString(text[start:])
			from = start + size
			continue
		}
		b.WriteString(text[done:start])
		b.WriteString(redactedMark)
		done, from = end, end
	}
	if done == 0 {
		return text
	}
	b.WriteString(text[done:])
	return b.String()
}

// secretForms matches a secret as it is, or as it stands in JSON, quoted any number of times: each
// character as it is, or escaped ("\u0026", "\"", "\\", "\/", "\n"), with as many backslashes as the
// levels of quoting took.
func secretForms(secret string) *regexp.Regexp {
	var pattern strings.Builder
	for _, r := range secret {
		forms := []string{regexp.QuoteMeta(string(r))}
		if r == utf8.RuneError {
			pattern.WriteString(forms[0])
			continue
		}
		if r1, r2 := utf16.EncodeRune(r); r1 != unicode.ReplacementChar {
			forms = append(forms, fmt.Sprintf(`\\+[uU]%s\\+[uU]%s`, hexOf(r1), hexOf(r2)))
		} else {
			forms = append(forms, `\\+[uU]`+hexOf(r))
		}
		if short, ok := jsonShortEscapes[r]; ok {
			forms = append(forms, `\\+`+regexp.QuoteMeta(short))
		}
		pattern.WriteString("(?:" + strings.Join(forms, "|") + ")")
	}
	return regexp.MustCompile(pattern.String())
}

// jsonShortEscapes are the characters JSON may write as a backslash and one character.
var jsonShortEscapes = map[rune]string{'"': `"`, '\\': `\`, '/': `/`, '\b': "b", '\f': "f", '\n': "n", '\r': "r", '\t': "t"}

// hexOf matches the four hexadecimal digits of a UTF-16 code unit, in either case.
func hexOf(r rune) string {
	var b strings.Builder
	for _, c := range fmt.Sprintf("%04x", r) {
		if c >= 'a' && c <= 'f' {
			fmt.Fprintf(&b, "[%c%c]", c, unicode.ToUpper(c))
		} else {
			b.WriteRune(c)
		}
	}
	return b.String()
}

// isWordRune tells whether r continues a word: a letter, a digit, or one of the joiners of IDs such as
// "no-such-project" and "key_id".
func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || r == '-' || r == '_'
}
