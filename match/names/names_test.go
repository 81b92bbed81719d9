package names

import (
	"math"
	"reflect"
	"testing"
)

func TestNormalizeFoldsWritingVariants(t *testing.T) {
	tests := []struct {
		want string
		ins  []string
	}{
		{"DANGELO", []string{"D'Angelo", "DANGELO", "D ANGELO", "d’angelo", "D`Angelo", "D-Angelo"}},
		{"NICOLO", []string{"NICOLÒ", "NICOLO'", "Nicolo", "Nicolò", "Nicolo\u0300", "NICOLO´"}},
		{"DELUCA", []string{"De Luca", "DELUCA", "de  luca", "De.Luca"}},
		{"LOPEZ", []string{"López", "LOPEZ"}},
		{"LUKASZ", []string{"Łukasz"}},
		{"ROSSIBIANCHI", []string{"Rossi-Bianchi", "Rossi Bianchi"}},
		{"", []string{"", " ' - . "}},
	}
	for _, tt := range tests {
		for _, in := range tt.ins {
			if got := Normalize(in); got != tt.want {
				t.Errorf("Normalize(%q) = %q, want %q", in, got, tt.want)
			}
		}
	}
}

func TestWordsSplitsOnSeparators(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"Rossi Bianchi", []string{"ROSSI", "BIANCHI"}},
		{"Rossi-Bianchi", []string{"ROSSI", "BIANCHI"}},
		{"D'Angelo", []string{"D", "ANGELO"}},
		{"NICOLO'", []string{"NICOLO"}},
		{"  Maria   Grazia ", []string{"MARIA", "GRAZIA"}},
		{"", nil},
	}
	for _, tt := range tests {
		if got := Words(tt.in); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Words(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestFullNameKeys(t *testing.T) {
	if got := FullName("D'Angelo", "Nicolò"); got != "DANGELO NICOLO" {
		t.Errorf("FullName = %q", got)
	}
	if got := SwappedFullName("D'Angelo", "Nicolò"); got != "NICOLO DANGELO" {
		t.Errorf("SwappedFullName = %q", got)
	}
	if got := FullName("Rossi", ""); got != "ROSSI" {
		t.Errorf("FullName without name = %q", got)
	}
}

func TestSameName(t *testing.T) {
	tests := []struct {
		s1, n1, s2, n2 string
		want           bool
		why            string
	}{
		{"D'Angelo", "Nicolò", "DANGELO", "NICOLO'", true, "apostrophes and accents"},
		{"D ANGELO", "Nicolo", "d'angelo", "NICOLÒ", true, "space in surname"},
		{"Rossi", "Mario", "Mario", "Rossi", true, "swapped columns"},
		{"Rossi Bianchi", "Anna", "Rossi", "Bianchi Anna", true, "double surname split differently"},
		{"Rossi-Bianchi", "Anna", "ROSSI BIANCHI", "ANNA", true, "hyphenated double surname"},
		{"Rossi", "Mario", "Rossi", "Maria", false, "different name"},
		{"Rossi", "Mario", "Rossi", "", false, "missing name"},
		{"", "", "", "", false, "two empty names"},
	}
	for _, tt := range tests {
		if got := SameName(tt.s1, tt.n1, tt.s2, tt.n2); got != tt.want {
			t.Errorf("%s: SameName(%q %q, %q %q) = %v", tt.why, tt.s1, tt.n1, tt.s2, tt.n2, got)
		}
	}
}

func TestJaroWinklerKnownValues(t *testing.T) {
	// Reference values from Winkler's papers and common implementations.
	tests := []struct {
		a, b string
		want float64
	}{
		{"MARTHA", "MARHTA", 0.961},
		{"DWAYNE", "DUANE", 0.840},
		{"DIXON", "DICKSONX", 0.813},
		{"ROSSI", "ROSSI", 1},
		{"", "", 1},
		{"ABC", "", 0},
		{"ABC", "XYZ", 0},
	}
	for _, tt := range tests {
		if got := JaroWinkler(tt.a, tt.b); math.Abs(got-tt.want) > 0.001 {
			t.Errorf("JaroWinkler(%q, %q) = %.4f, want %.3f", tt.a, tt.b, got, tt.want)
		}
		if JaroWinkler(tt.a, tt.b) != JaroWinkler(tt.b, tt.a) {
			t.Errorf("JaroWinkler(%q, %q) is not symmetric", tt.a, tt.b)
		}
	}
}

// TestSimilarityTyposAreClose: one-letter slips in a real name must reach
// PossibleThreshold.
func TestSimilarityTyposAreClose(t *testing.T) {
	tests := []struct {
		s1, n1, s2, n2 string
		min            float64
	}{
		{"Rossi", "Mario", "Rosso", "Mario", 0.96},
		{"Rossi", "Mario", "Rossi", "Maria", 0.96},
		{"Bianchi", "Luca", "Bianchi", "Lucia", 0.98},
		{"Esposito", "Gennaro", "Espostio", "Gennaro", 0.98},
		{"Rossi Bianchi", "Anna", "Bianchi", "Anna", containedScore},
		{"Russo", "Giuseppe", "Giuseppe", "Ruso", 0.95},              // swapped + typo
		{"Rossi Bianchi", "Anna", "Rossi", "Anna", containedScore},   // double surname half
		{"Ferrari", "Anna Maria", "Ferrari", "Anna", containedScore}, // second name dropped
		{"D'Angelo", "Nicolò", "DANGELO", "NICOLO", 1},
	}
	for _, tt := range tests {
		got := Similarity(tt.s1, tt.n1, tt.s2, tt.n2)
		if got < tt.min || got < PossibleThreshold {
			t.Errorf("Similarity(%s %s, %s %s) = %.4f, want >= %.3f and >= threshold", tt.s1, tt.n1, tt.s2, tt.n2, got, tt.min)
		}
		if back := Similarity(tt.s2, tt.n2, tt.s1, tt.n1); math.Abs(back-got) > 1e-12 {
			t.Errorf("Similarity not symmetric: %.4f vs %.4f", got, back)
		}
	}
}

// TestSimilarityDifferentPeopleAreFar: sharing a surname or a first name
// is not enough.
func TestSimilarityDifferentPeopleAreFar(t *testing.T) {
	tests := []struct {
		s1, n1, s2, n2 string
		max            float64
	}{
		{"Rossi", "Mario", "Bianchi", "Luca", 0.5},
		{"Rossi", "Mario", "Rossi", "Luca", 0.87},
		{"Rossi", "Mario", "Bianchi", "Mario", 0.61},
		{"Rossi", "Mario", "Russo", "Mario", 0.917},
		{"Rossi", "Mario", "Mario", "Russo", 0.917},
		{"Esposito", "Gennaro", "Romano", "Giulia", 0.7},
		{"Conti", "Paolo", "Colombo", "Paola", 0.91},
		{"", "", "Rossi", "Mario", 0},
	}
	for _, tt := range tests {
		got := Similarity(tt.s1, tt.n1, tt.s2, tt.n2)
		if got > tt.max || got >= PossibleThreshold {
			t.Errorf("Similarity(%s %s, %s %s) = %.4f, want <= %.3f and below threshold", tt.s1, tt.n1, tt.s2, tt.n2, got, tt.max)
		}
	}
}

// TestParticleIsNotADoubleSurnameHalf: "Luca" is not half of "De Luca",
// so the part-wise score does not give the 0.95 of a double surname
// (Jaro-Winkler on the full names still sees most letters in common).
func TestParticleIsNotADoubleSurnameHalf(t *testing.T) {
	if wordSubset(Words("Luca"), Words("De Luca")) {
		t.Error(`"Luca" counted as half of "De Luca"`)
	}
	if !wordSubset(Words("Rossi"), Words("Rossi Bianchi")) {
		t.Error(`"Rossi" not counted as half of "Rossi Bianchi"`)
	}
	if got := partScore("LUCA", "DELUCA", Words("Luca"), Words("De Luca")); got >= containedScore {
		t.Errorf("partScore(LUCA, DELUCA) = %.4f", got)
	}
}

func TestSimilarityOfSameNameIsOne(t *testing.T) {
	if got := Similarity("Rossi Bianchi", "Anna", "Rossi", "Bianchi Anna"); got != 1 {
		t.Errorf("Similarity = %v, want 1", got)
	}
}

func FuzzNormalize(f *testing.F) {
	for _, s := range []string{"D'Angelo", "NICOLÒ", "Nicolo\u0300", "Łukasz", "ß", "\xff\xfe", "De  Luca", "", "İstanbul"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n := Normalize(s)
		if Normalize(n) != n {
			t.Fatalf("Normalize not idempotent on %q: %q then %q", s, n, Normalize(n))
		}
		for _, w := range Words(s) {
			if w == "" || Normalize(w) != w {
				t.Fatalf("Words(%q) has %q", s, w)
			}
		}
		sim := Similarity(s, "", n, "")
		if sim < 0 || sim > 1 || math.IsNaN(sim) {
			t.Fatalf("Similarity out of range: %v", sim)
		}
		if n != "" && sim != 1 {
			t.Fatalf("Similarity(%q, its normal form) = %v", s, sim)
		}
	})
}

func BenchmarkSimilarity(b *testing.B) {
	b.ReportAllocs()
	n := 0
	for b.Loop() {
		Similarity("Rossi Bianchi", "Anna Maria", "Rosi", "Anna")
		n++
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "pairs/s")
}

func BenchmarkNormalize(b *testing.B) {
	b.ReportAllocs()
	n := 0
	for b.Loop() {
		Normalize("D'Angelo")
		n++
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "names/s")
}

// FuzzSimilarity: the score of two records is in [0,1], never NaN, and the
// same whichever record comes first (a flag must not depend on which list
// a person was read from).
func FuzzSimilarity(f *testing.F) {
	seeds := [][4]string{
		{"Rossi", "Mario", "Rossi", "Mario"},
		{"Rossi Bianchi", "Anna", "Rossi", "Anna"},
		{"De Luca", "Luca", "Luca", "De Luca"},
		{"D'Angelo", "Nicolò", "Dangelo", "Nicolo"},
		{"Esposito", "", "", "Esposito"},
		{"", "", "Rossi", "Mario"},
		{"\xff", "ß", "SS", "\xfe"},
	}
	for _, s := range seeds {
		f.Add(s[0], s[1], s[2], s[3])
	}
	f.Fuzz(func(t *testing.T, s1, n1, s2, n2 string) {
		a, b := Similarity(s1, n1, s2, n2), Similarity(s2, n2, s1, n1)
		if math.IsNaN(a) || a < 0 || a > 1 {
			t.Fatalf("Similarity(%q,%q,%q,%q) = %v, want [0,1]", s1, n1, s2, n2, a)
		}
		if a != b {
			t.Fatalf("Similarity not symmetric: (%q,%q)~(%q,%q) = %v, reversed %v", s1, n1, s2, n2, a, b)
		}
	})
}
