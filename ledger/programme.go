package ledger

import (
	"strings"
	"time"
)

// Programme is the benefit a benefit row pays (docs/rules.md#benefit-cross-check).
type Programme string

// The programmes crosscheck knows. The empty Programme is reddito di
// cittadinanza, the default when neither a column nor the case file says.
const (
	ProgrammeRdC Programme = "rdc" // reddito di cittadinanza
	ProgrammePdC Programme = "pdc" // pensione di cittadinanza (all members 67 or older)
	ProgrammeADI Programme = "adi" // assegno di inclusione
	ProgrammeSFL Programme = "sfl" // supporto per la formazione e il lavoro
)

// ProgrammeInfo is a programme's names and the months it was paid in.
type ProgrammeInfo struct {
	Code       Programme
	Italian    string
	English    string
	First      time.Time // first month paid
	Last       time.Time // last month paid; zero while the programme runs
	LastReason string
}

func month(y int, m time.Month) time.Time { return time.Date(y, m, 1, 0, 0, 0, 0, time.UTC) }

// Programmes lists the programmes in display order. Reddito and pensione
// di cittadinanza were paid from April 2019 (DL 4/2019) to December 2023
// (DL 48/2023 art. 13); supporto per la formazione e il lavoro from
// September 2023 and assegno di inclusione from January 2024 (DL 48/2023).
var Programmes = []ProgrammeInfo{
	{ProgrammeRdC, "Reddito di cittadinanza", "Citizenship income (reddito di cittadinanza)", month(2019, time.April), month(2023, time.December), "repealed from 2024"},
	{ProgrammePdC, "Pensione di cittadinanza", "Citizenship pension (pensione di cittadinanza)", month(2019, time.April), month(2023, time.December), "repealed from 2024"},
	{ProgrammeADI, "Assegno di inclusione", "Inclusion allowance (assegno di inclusione)", month(2024, time.January), time.Time{}, ""},
	{ProgrammeSFL, "Supporto per la formazione e il lavoro", "Training and work support (supporto per la formazione e il lavoro)", month(2023, time.September), time.Time{}, ""},
}

// Info returns the programme's entry; the empty programme is the default,
// reddito di cittadinanza.
func (p Programme) Info() ProgrammeInfo {
	for _, in := range Programmes {
		if in.Code == p {
			return in
		}
	}
	return Programmes[0]
}

// OrDefault is p, or reddito di cittadinanza when p is empty.
func (p Programme) OrDefault() Programme {
	if p == "" {
		return ProgrammeRdC
	}
	return p
}

// InWindow reports whether a month (its first day) is within the months
// the programme was paid in.
func (p Programme) InWindow(m time.Time) bool {
	in := p.Info()
	return !m.Before(in.First) && (in.Last.IsZero() || !m.After(in.Last))
}

// ParseProgramme reads a programme as a benefit list or a case file names
// it: the code (rdc, pdc, adi, sfl) or the Italian or English name,
// ignoring case, spaces and punctuation.
func ParseProgramme(s string) (Programme, bool) {
	k := strings.Map(func(r rune) rune {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			return r
		}
		if r >= 'A' && r <= 'Z' {
			return r + 'a' - 'A'
		}
		return -1
	}, s)
	switch k {
	case "rdc", "reddito", "redditodicittadinanza", "citizenshipincome":
		return ProgrammeRdC, true
	case "pdc", "pensione", "pensionedicittadinanza", "citizenshippension":
		return ProgrammePdC, true
	case "adi", "assegno", "assegnodiinclusione", "assegnoinclusione", "inclusionallowance":
		return ProgrammeADI, true
	case "sfl", "supportoformazionelavoro", "supportoperlaformazioneeillavoro", "supportoperlaformazioneelavoro", "trainingandworksupport":
		return ProgrammeSFL, true
	}
	return "", false
}

// ProgrammeNames is the list of accepted names for messages.
const ProgrammeNames = "rdc (reddito di cittadinanza), pdc (pensione di cittadinanza), adi (assegno di inclusione), sfl (supporto per la formazione e il lavoro)"
