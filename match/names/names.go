// Package names normalises people's names and measures how alike two names
// are, for matching suspects with benefit recipients and payers.
//
// Italian registers write the same name in many ways: D'Angelo, DANGELO,
// D ANGELO; NICOLÒ, NICOLO', Nicolo; "De Luca" and "DELUCA"; a double
// surname split between the surname and name columns. Normalize removes
// those differences; Similarity scores what is left (typos).
package names

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// PossibleThreshold is the Similarity score at or above which two names whose
// birth dates agree are a "possible" match.
//
// Why 0.92: one-letter typos in an ordinary Italian full name score well
// above it (ROSSI MARIO/ROSSO MARIO 0.964, ROSSI MARIO/ROSSI MARIA 0.964,
// BIANCHI LUCA/BIANCHI LUCIA 0.970, a transposition ESPOSITO/ESPOSTIO about
// 0.98), and a double surname written as one of its halves is 0.95 by
// construction; while people who share only the surname or only the first
// name stay below it (ROSSI MARIO/ROSSI LUCA 0.867, ROSSI MARIO/BIANCHI MARIO
// about 0.7) and unrelated people score far lower (ROSSI MARIO/BIANCHI LUCA
// about 0.5). The values are asserted in names_test.go. A possible match is
// only a lead for the investigator, never an attribution, and it also
// needs the birth date to agree, which is what keeps the threshold from
// joining relatives with similar names.
const PossibleThreshold = 0.92

// containedScore is the score of two parts where one's words are a subset
// of the other's ("Rossi" and "Rossi Bianchi"): close, but not the same.
const containedScore = 0.95

// letterFold maps letters that have no Unicode decomposition to the ASCII
// letters Italian registers write for them.
var letterFold = map[rune]string{
	'Ø': "O", 'Ł': "L", 'Đ': "D", 'Ð': "D", 'Þ': "TH", 'Æ': "AE", 'Œ': "OE", 'ß': "SS",
	'ø': "O", 'ł': "L", 'đ': "D", 'ð': "D", 'þ': "TH", 'æ': "AE", 'œ': "OE", 'ı': "I",
}

// isSeparator reports the characters that separate words of a name:
// spaces, apostrophes (straight, typographic, backtick, acute), hyphens,
// dots and other punctuation.
func isSeparator(r rune) bool {
	return !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.Is(unicode.Mn, r)
}

// isCleanASCII reports whether s is already made only of A-Z and 0-9.
func isCleanASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'A' && c <= 'Z') && !(c >= '0' && c <= '9') {
			return false
		}
	}
	return true
}

// Normalize gives the comparison key of a name part: upper case, accents
// removed, apostrophes, hyphens, dots and all spaces removed, so that
// D'Angelo, DANGELO and D ANGELO all give "DANGELO", "De Luca" gives
// "DELUCA" and NICOLÒ, NICOLO' and Nicolo give "NICOLO" (a trailing
// apostrophe after a vowel is an accent written in ASCII, and apostrophes
// are dropped anyway).
func Normalize(s string) string {
	if isCleanASCII(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	appendFolded(&b, s)
	return b.String()
}

// appendFolded writes the letters and digits of s, upper-cased and without
// accents, dropping everything else.
func appendFolded(b *strings.Builder, s string) {
	for _, r := range norm.NFD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r):
			// combining accent of the previous letter
		case r < utf8.RuneSelf:
			if r >= 'a' && r <= 'z' {
				r -= 'a' - 'A'
			}
			if (r >= 'A' && r <= 'Z') || (r >= '0' && r <= '9') {
				b.WriteRune(r)
			}
		case letterFold[r] != "":
			b.WriteString(letterFold[r])
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(unicode.ToUpper(r))
		}
	}
}

// Words splits a name into normalised words, with spaces, apostrophes,
// hyphens and dots as separators: "Rossi-Bianchi" and "Rossi Bianchi" give
// [ROSSI BIANCHI], "D'Angelo" gives [D ANGELO], "NICOLO'" gives [NICOLO].
func Words(s string) []string {
	var out []string
	for _, f := range strings.FieldsFunc(s, isSeparator) {
		if w := Normalize(f); w != "" {
			out = append(out, w)
		}
	}
	return out
}

// FullName is the canonical "SURNAME NAME" key: each part Normalize'd, joined
// by one space (no space when a part is empty).
func FullName(surname, name string) string {
	return joinParts(Normalize(surname), Normalize(name))
}

// SwappedFullName is the "NAME SURNAME" key, for registers that put the
// first name first.
func SwappedFullName(surname, name string) string {
	return joinParts(Normalize(name), Normalize(surname))
}

func joinParts(a, b string) string {
	switch {
	case a == "":
		return b
	case b == "":
		return a
	}
	return a + " " + b
}

// SameName reports whether two people's (surname, name) agree exactly after
// normalisation: directly, with surname and name swapped, or when the whole
// surname+name strings agree once spaces are ignored (a double surname split
// differently: "Rossi Bianchi"/"Anna" and "Rossi"/"Bianchi Anna"). Two empty
// names never agree.
func SameName(s1, n1, s2, n2 string) bool {
	a, b := Normalize(s1), Normalize(n1)
	c, d := Normalize(s2), Normalize(n2)
	if a+b == "" || c+d == "" {
		return false
	}
	return (a == c && b == d) || (a == d && b == c) || a+b == c+d || b+a == d+c
}

// Similarity is a score in [0,1] between two (surname, name) pairs; 1 means
// SameName.
//
// The measure: for the direct and the swapped order of the second pair,
// take the larger of
//   - Jaro-Winkler (prefix scale 0.1, up to 4 prefix letters, boost above
//     0.7) on the normalised full names "SURNAME NAME", and
//   - a part-wise score: surname score × name score, where a part scores 1
//     when equal, 0.95 when the words of one are a subset of the other's
//     (double surname "Rossi Bianchi" written "Rossi", second name dropped;
//     the subset must hold a word of 3 letters or more, so "De" alone does
//     not count) and its Jaro-Winkler otherwise;
//
// and return the best of the two orders.
func Similarity(s1, n1, s2, n2 string) float64 {
	if SameName(s1, n1, s2, n2) {
		return 1
	}
	p1 := parts{Normalize(s1), Normalize(n1), Words(s1), Words(n1)}
	p2 := parts{Normalize(s2), Normalize(n2), Words(s2), Words(n2)}
	if p1.sur+p1.name == "" || p2.sur+p2.name == "" {
		return 0
	}
	direct := pairScore(p1, p2)
	swapped := pairScore(p1, parts{p2.name, p2.sur, p2.nameWords, p2.surWords})
	return max(direct, swapped)
}

type parts struct {
	sur, name           string
	surWords, nameWords []string
}

func pairScore(p, q parts) float64 {
	full := JaroWinkler(joinParts(p.sur, p.name), joinParts(q.sur, q.name))
	partwise := partScore(p.sur, q.sur, p.surWords, q.surWords) *
		partScore(p.name, q.name, p.nameWords, q.nameWords)
	return max(full, partwise)
}

func partScore(a, b string, wa, wb []string) float64 {
	if a == b {
		return 1
	}
	jw := JaroWinkler(a, b)
	if wordSubset(wa, wb) || wordSubset(wb, wa) {
		return max(jw, containedScore)
	}
	return jw
}

// wordSubset reports whether every word of small is in big, small being a
// proper, meaningful subset (it holds a word of at least 3 letters).
func wordSubset(small, big []string) bool {
	if len(small) == 0 || len(small) >= len(big) {
		return false
	}
	long := false
	for _, w := range small {
		if len(w) >= 3 {
			long = true
		}
		found := false
		for _, v := range big {
			if v == w {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return long
}

// JaroWinkler is the Jaro-Winkler similarity of a and b, compared rune by
// rune: Jaro (matches within a window of max(len)/2-1, half the
// transpositions) plus Winkler's boost of 0.1 per common prefix rune, up to
// 4, applied when Jaro exceeds 0.7. Two empty strings score 1.
func JaroWinkler(a, b string) float64 {
	if a == b {
		return 1
	}
	ra, rb := []rune(a), []rune(b)
	if len(ra) == 0 || len(rb) == 0 {
		return 0
	}
	j := jaro(ra, rb)
	if j <= 0.7 {
		return j
	}
	prefix := 0
	for prefix < 4 && prefix < len(ra) && prefix < len(rb) && ra[prefix] == rb[prefix] {
		prefix++
	}
	return j + float64(prefix)*0.1*(1-j)
}

func jaro(a, b []rune) float64 {
	window := max(len(a), len(b))/2 - 1
	if window < 0 {
		window = 0
	}
	matchedA := make([]bool, len(a))
	matchedB := make([]bool, len(b))
	matches := 0
	for i, r := range a {
		lo, hi := max(0, i-window), min(len(b), i+window+1)
		for k := lo; k < hi; k++ {
			if !matchedB[k] && b[k] == r {
				matchedA[i], matchedB[k] = true, true
				matches++
				break
			}
		}
	}
	if matches == 0 {
		return 0
	}
	transpositions, k := 0, 0
	for i, r := range a {
		if !matchedA[i] {
			continue
		}
		for !matchedB[k] {
			k++
		}
		if r != b[k] {
			transpositions++
		}
		k++
	}
	m := float64(matches)
	return (m/float64(len(a)) + m/float64(len(b)) + (m-float64(transpositions)/2)/m) / 3
}
