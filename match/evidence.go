package match

import (
	"strings"
	"time"

	"github.com/crosscheck/crosscheck/match/names"
)

// Evidence field names, in the order a flag lists them.
const (
	FieldTaxCode    = "tax_code"
	FieldSurname    = "surname"
	FieldName       = "name"
	FieldBirthDate  = "birth_date"
	FieldBirthPlace = "birth_place"
	FieldSex        = "sex"
)

// evidence compares every field of a suspect and a matched recipient, and
// lists the fields that agreed exactly or closely.
func evidence(sp, r *person) ([]FieldEvidence, []string) {
	ev := []FieldEvidence{taxCodeEvidence(sp, r)}
	ev = append(ev, nameEvidence(sp, r)...)
	ev = append(ev, birthDateEvidence(sp, r), birthPlaceEvidence(sp, r), sexEvidence(sp, r))
	var agreed []string
	for _, e := range ev {
		if e.Agreement == AgreeExact || e.Agreement == AgreeClose {
			agreed = append(agreed, e.Field)
		}
	}
	return ev, agreed
}

func exactOrNo(field, a, b string, same bool) FieldEvidence {
	e := FieldEvidence{Field: field, Suspect: a, Recipient: b, Agreement: AgreeNo}
	switch {
	case a == "" || b == "":
		e.Agreement = AgreeMissing
	case same:
		e.Agreement, e.Score = AgreeExact, 1
	}
	return e
}

// taxCodeEvidence compares valid codes in canonical form, anything else as
// written (upper case, no spaces).
func taxCodeEvidence(s, r *person) FieldEvidence {
	same := s.valid && r.valid && s.tc.Canonical == r.tc.Canonical
	if !s.valid || !r.valid {
		same = compactCode(s.taxCode) == compactCode(r.taxCode)
	}
	e := exactOrNo(FieldTaxCode, s.taxCode, r.taxCode, same)
	cs, cr := compactCode(s.taxCode), compactCode(r.taxCode)
	switch {
	case e.Agreement == AgreeExact && cs != cr:
		e.Detail = DetailOmocodia
	case e.Agreement == AgreeNo && len(cs) == 16 && len(cr) == 16 && cs[:15] == cr[:15]:
		e.Detail = DetailCheckCharacter
	}
	return e
}

var codeSeparators = strings.NewReplacer(" ", "", "-", "", "\t", "")

func compactCode(s string) string { return strings.ToUpper(codeSeparators.Replace(s)) }

// nameEvidence compares surname and name in the order the recipient's
// register most likely used: swapped when that fits better.
func nameEvidence(s, r *person) []FieldEvidence {
	rs, rn := r.surname, r.name
	suffixS, suffixN := "", ""
	direct := partSimilarity(s.surname, rs) + partSimilarity(s.name, rn)
	swapped := partSimilarity(s.surname, rn) + partSimilarity(s.name, rs)
	if swapped > direct {
		rs, rn = rn, rs
		suffixS, suffixN = NoteWrittenAsName, NoteWrittenAsSurname
	}
	whole := names.SameName(s.surname, s.name, r.surname, r.name)
	sur := partEvidence(FieldSurname, s.surname, rs, whole)
	nam := partEvidence(FieldName, s.name, rn, whole)
	if sur.Recipient != "" {
		sur.RecipientNote = suffixS
	}
	if nam.Recipient != "" {
		nam.RecipientNote = suffixN
	}
	return []FieldEvidence{sur, nam}
}

// partSimilarity scores one name part against another (word subsets such
// as a double surname written in part count as close).
func partSimilarity(a, b string) float64 {
	if names.Normalize(a) == "" || names.Normalize(b) == "" {
		return 0
	}
	return names.Similarity(a, "", b, "")
}

// partEvidence: exact when equal after normalisation; close when similar
// enough, or when the whole names are the same split differently (a
// double surname partly in the name column).
func partEvidence(field, a, b string, wholeSame bool) FieldEvidence {
	e := FieldEvidence{Field: field, Suspect: a, Recipient: b}
	na, nb := names.Normalize(a), names.Normalize(b)
	switch {
	case na == "" || nb == "":
		e.Agreement = AgreeMissing
	case na == nb:
		e.Agreement, e.Score = AgreeExact, 1
	default:
		e.Score = partSimilarity(a, b)
		e.Agreement = AgreeNo
		if e.Score >= names.PossibleThreshold || wholeSame {
			e.Agreement = AgreeClose
		}
	}
	return e
}

func birthDateEvidence(s, r *person) FieldEvidence {
	e := exactOrNo(FieldBirthDate, dateText(s), dateText(r), birthAgrees(s, r))
	e.SuspectNote, e.RecipientNote = dateNote(s), dateNote(r)
	return e
}

func dateText(p *person) string {
	if p.birth.IsZero() {
		return ""
	}
	return p.birth.Format(time.DateOnly)
}

func dateNote(p *person) string {
	if p.birth.IsZero() || !p.birthFromCode {
		return ""
	}
	return NoteFromTaxCode
}

// birthPlaceEvidence compares place names when both have one, else the
// tax codes' Belfiore codes when both codes are valid.
func birthPlaceEvidence(s, r *person) FieldEvidence {
	ns, nr := names.Normalize(s.place), names.Normalize(r.place)
	switch {
	case ns != "" && nr != "":
		e := FieldEvidence{Field: FieldBirthPlace, Suspect: s.place, Recipient: r.place}
		switch {
		case ns == nr:
			e.Agreement, e.Score = AgreeExact, 1
		default:
			e.Score = names.JaroWinkler(ns, nr)
			e.Agreement = AgreeNo
			if e.Score >= names.PossibleThreshold {
				e.Agreement = AgreeClose
			}
		}
		return e
	case s.valid && r.valid:
		e := exactOrNo(FieldBirthPlace, s.tc.Place, r.tc.Place, s.tc.Place == r.tc.Place)
		e.SuspectNote, e.RecipientNote = NoteTaxCodePlace, NoteTaxCodePlace
		return e
	}
	e := FieldEvidence{Field: FieldBirthPlace, Agreement: AgreeMissing}
	e.Suspect, e.SuspectNote = placeText(s)
	e.Recipient, e.RecipientNote = placeText(r)
	return e
}

func placeText(p *person) (place, note string) {
	switch {
	case strings.TrimSpace(p.place) != "":
		return p.place, ""
	case p.valid:
		return p.tc.Place, NoteTaxCodePlace
	}
	return "", ""
}

func sexEvidence(s, r *person) FieldEvidence {
	return exactOrNo(FieldSex, s.sex, r.sex, s.sex == r.sex)
}
