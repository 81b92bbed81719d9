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
// BIANCHI LUCA/BIANCHI LUCIA 0.985, the transposition ESPOSITO/ESPOSTIO
// 0.988), and a double surname written as one of its halves scores 0.95 by
// construction; while people who share only the surname or only the first
// name stay below it (ROSSI MARIO/ROSSI LUCA 0.867, ROSSI MARIO/BIANCHI
// MARIO 0.606), two letters changed in a short surname fall just under it
// (ROSSI MARIO/RUSSO MARIO 0.916: a different family name, not a slip) and
// unrelated people score far lower (ROSSI MARIO/BIANCHI LUCA 0.441). The
// values are asserted in names_test.go. A possible match is only a lead for
// the investigator, never an attribution, and it also needs the birth date
// to agree, which is what keeps the threshold from joining relatives with
// similar names (ROSSI MARIO/ROSSI MARCO is 0.964).
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
	if isASCII(s) {
		appendFoldedASCII(&b, s)
	} else {
		appendFolded(&b, s)
	}
	return b.String()
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// appendFoldedASCII is appendFolded for ASCII input, which needs no
// Unicode decomposition.
func appendFoldedASCII(b *strings.Builder, s string) {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 'a' && c <= 'z' {
			c -= 'a' - 'A'
		}
		if (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') {
			b.WriteByte(c)
		}
	}
}

// appendFolded writes the letters and digits of s, upper-cased and without
// accents, dropping everything else.
func appendFolded(b *strings.Builder, s string) {
	// Bytes that are not UTF-8 are dropped first: NFD leaves the text
	// after them composed, so "ę" would stay a letter of its own there
	// and fold to "E" only on a second pass.
	for _, r := range norm.NFD.String(strings.ToValidUTF8(s, "")) {
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
	return sameNormalized(Normalize(s1), Normalize(n1), Normalize(s2), Normalize(n2))
}

// sameNormalized is SameName on normalised parts. The concatenations are
// compared piecewise so that no string is built.
func sameNormalized(a, b, c, d string) bool {
	if a+b == "" || c+d == "" {
		return false
	}
	return (a == c && b == d) || (a == d && b == c) || concatEqual(a, b, c, d) || concatEqual(b, a, d, c)
}

// concatEqual reports whether a+b == c+d without concatenating.
func concatEqual(a, b, c, d string) bool {
	if len(a)+len(b) != len(c)+len(d) {
		return false
	}
	if len(a) > len(c) {
		a, b, c, d = c, d, a, b
	}
	// now a is the shorter head: c = a + m, b = m + d
	m := len(c) - len(a)
	return c[:len(a)] == a && b[:m] == c[len(a):] && b[m:] == d
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
//     both the kept and the dropped words must be real name words, so "De"
//     alone, or "Luca" for "De Luca", does not count) and its Jaro-Winkler
//     otherwise;
//
// and return the best of the direct and the swapped order (for the swapped
// order, the smaller of "first record swapped" and "second record swapped",
// so that the score is symmetric).
func Similarity(s1, n1, s2, n2 string) float64 {
	p1, p2 := newParts(s1, n1), newParts(s2, n2)
	if p1.sur+p1.name == "" || p2.sur+p2.name == "" {
		return 0
	}
	if sameNormalized(p1.sur, p1.name, p2.sur, p2.name) {
		return 1
	}
	direct := pairScore(p1, p2)
	// Swapped columns: either record may be the swapped one; the smaller of
	// the two readings keeps the score symmetric.
	swapped := min(pairScore(p1, swap(p2)), pairScore(swap(p1), p2))
	return max(direct, swapped)
}

// parts is one person's normalised name, prepared once per comparison.
type parts struct {
	sur, name           string
	surWords, nameWords []string
	full, swapped       string // "SUR NAME" and "NAME SUR"
}

func newParts(surname, name string) parts {
	p := parts{sur: Normalize(surname), name: Normalize(name)}
	p.surWords, p.nameWords = wordsOf(surname, p.sur), wordsOf(name, p.name)
	p.full, p.swapped = joinParts(p.sur, p.name), joinParts(p.name, p.sur)
	return p
}

// wordsOf is Words(raw), reusing the normalised form when raw is a single
// word.
func wordsOf(raw, normalized string) []string {
	for _, r := range raw {
		if isSeparator(r) {
			return Words(raw)
		}
	}
	if normalized == "" {
		return nil
	}
	return []string{normalized}
}

func swap(p parts) parts {
	return parts{p.name, p.sur, p.nameWords, p.surWords, p.swapped, p.full}
}

// pairScore compares p and q in the given column order. q is read in p's
// order and p in q's order and the smaller score kept: Jaro-Winkler weighs
// the start of a string more, so this keeps the score symmetric and does
// not let a shared first name earn the prefix bonus meant for the surname.
func pairScore(p, q parts) float64 {
	full := min(JaroWinkler(p.full, q.full), JaroWinkler(q.full, p.full))
	partwise := partScore(p.sur, q.sur, p.surWords, q.surWords) *
		partScore(p.name, q.name, p.nameWords, q.nameWords)
	return max(full, partwise)
}

// partScore scores one name part (normalised a, b and their words).
func partScore(a, b string, wa, wb []string) float64 {
	if a == b {
		return 1
	}
	jw := JaroWinkler(a, b)
	if jw >= containedScore {
		return jw
	}
	if wordSubset(wa, wb) || wordSubset(wb, wa) {
		return containedScore
	}
	return jw
}

// particles are the prepositions and articles of Italian and foreign
// surnames: "De Luca" is not a double surname of which "Luca" is a half.
var particles = map[string]bool{
	"D": true, "DA": true, "DAL": true, "DALLA": true, "DE": true, "DEI": true, "DEL": true,
	"DELLA": true, "DELLE": true, "DELLO": true, "DEGLI": true, "DI": true, "DU": true,
	"LA": true, "LE": true, "LI": true, "LO": true, "VAN": true, "VON": true, "DER": true, "DEN": true,
}

// wordSubset reports whether every word of small is in big, small being a
// proper subset holding a word of at least 3 letters, and every word that
// big adds being a real name word (3 letters or more, not a particle).
func wordSubset(small, big []string) bool {
	if len(small) == 0 || len(small) >= len(big) {
		return false
	}
	long := false
	for _, w := range small {
		if len(w) >= 3 {
			long = true
		}
		if !contains(big, w) {
			return false
		}
	}
	for _, w := range big {
		if !contains(small, w) && (len(w) < 3 || particles[w]) {
			return false
		}
	}
	return long
}

func contains(words []string, w string) bool {
	for _, v := range words {
		if v == w {
			return true
		}
	}
	return false
}

// JaroWinkler is the Jaro-Winkler similarity of a and b, compared rune by
// rune: Jaro (matches within a window of max(len)/2-1, half the
// transpositions) plus Winkler's boost of 0.1 per common prefix rune, up to
// 4, applied when Jaro exceeds 0.7. Two empty strings score 1.
func JaroWinkler(a, b string) float64 {
	if a == b {
		return 1
	}
	if a == "" || b == "" {
		return 0
	}
	var ra, rb []rune
	var bufA, bufB [64]rune
	ra, rb = appendRunes(bufA[:0], a), appendRunes(bufB[:0], b)
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

// appendRunes decodes s into dst, which callers give a stack buffer so
// that short names cost no allocation.
func appendRunes(dst []rune, s string) []rune {
	for _, r := range s {
		dst = append(dst, r)
	}
	return dst
}

func jaro(a, b []rune) float64 {
	window := max(len(a), len(b))/2 - 1
	if window < 0 {
		window = 0
	}
	var bufA, bufB [64]bool
	matchedA, matchedB := bufA[:0], bufB[:0]
	if len(a) > len(bufA) || len(b) > len(bufB) {
		matchedA, matchedB = make([]bool, 0, len(a)), make([]bool, 0, len(b))
	}
	matchedA, matchedB = matchedA[:len(a)], matchedB[:len(b)]
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
