package match

import (
	"strings"
	"testing"
	"time"

	"github.com/crosscheck/crosscheck/ledger"
	"github.com/shopspring/decimal"
)

// Edge cases an investigator's spreadsheets produce, one table each.

const (
	tronGood     = "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t"
	tronBadCheck = "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6u" // last character changed: base58check fails
)

func TestAttributeAccountSpellings(t *testing.T) {
	suspects := []ledger.Suspect{
		{ID: "S1", Surname: "Caccamo", Name: "Fabio", Identifiers: []ledger.Identifier{{Kind: ledger.IdentIBAN, Value: ibanRossi}}},
		{ID: "S2", Surname: "Bianchi", Name: "Luca", Identifiers: []ledger.Identifier{{Kind: ledger.IdentWallet, Value: strings.ToLower(walletBianchi)}}},
		{ID: "S3", Surname: "Verdi", Name: "Gino", Identifiers: []ledger.Identifier{{Kind: ledger.IdentWallet, Value: tronBadCheck,
			Ref: ledger.Ref{Path: "suspects.csv", Row: 4}}}},
		{ID: "S4", Surname: "Neri", Name: "Ada", Identifiers: []ledger.Identifier{{Kind: ledger.IdentWallet, Value: tronGood}}},
	}
	a, issues := NewAttributor(suspects, nil)
	tests := []struct {
		name, account, want string
	}{
		{"IBAN lower case with spaces", "it60 x054 2811 1010 0000 0123 456", "S1"},
		{"IBAN lower case with spaces and tabs around", "\t it60x0542811101000000123456 ", "S1"},
		{"EIP-55 mixed case against a lower-case suspect wallet", walletBianchi, "S2"},
		{"upper-case hex against a lower-case suspect wallet", "0x" + strings.ToUpper(walletBianchi[2:]), "S2"},
		{"TRON with a wrong checksum, exact text", tronBadCheck, "S3"},
		{"TRON with a wrong checksum, other case", strings.ToLower(tronBadCheck), ""},
		{"TRON valid, exact", tronGood, "S4"},
		{"TRON valid, case changed (base58 is case-sensitive)", strings.ToUpper(tronGood), ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, _, _ := a.Attribute(&ledger.Payment{PayeeAccount: tt.account})
			if got != tt.want {
				t.Errorf("Attribute(%q) = %q, want %q", tt.account, got, tt.want)
			}
		})
	}
	found := false
	for _, is := range issues {
		if is.Value == tronBadCheck && is.Row == 4 && strings.Contains(is.Msg.String(), "checksum mismatch") && strings.Contains(is.Msg.String(), "check it") && is.Level == ledger.LevelNote {
			found = true
		}
	}
	if !found {
		t.Errorf("the TRON address with a wrong checksum is not reported as invalid: %+v", issues)
	}
}

// crossOne runs the cross-check for the given suspects and rows.
func crossOne(suspects []ledger.Suspect, hh []ledger.HouseholdMember, rows []ledger.BenefitRow, act Activity) ([]BenefitFlag, []ledger.Issue) {
	m := NewBenefitMatcher(suspects, Options{})
	for _, h := range hh {
		m.AddHousehold(h)
	}
	for _, b := range rows {
		m.AddBenefit(b)
	}
	return m.Flags(act)
}

func TestBenefitEdgeCases(t *testing.T) {
	act := fakeActivity{spans: map[string][2]time.Time{
		"S1": {date(2020, 1, 5), date(2020, 3, 5)},
		"S2": {date(2020, 2, 5), date(2020, 4, 5)},
		"SA": {date(2020, 1, 5), date(2020, 12, 5)},
		"SB": {date(2020, 1, 5), date(2020, 12, 5)},
	}}
	noIDs := ledger.Suspect{ID: "S1", Surname: esposito.surname, Name: esposito.name} // no tax code, no birth date
	tests := []struct {
		name     string
		suspects []ledger.Suspect
		hh       []ledger.HouseholdMember
		rows     []ledger.BenefitRow
		// flags as "suspect app class months recovery", in output order
		flags  []string
		issues []string // problems, in order (substring)
	}{
		{
			name:     "suspect with no tax code and no birth date is never matched by names alone",
			suspects: []ledger.Suspect{noIDs},
			rows: []ledger.BenefitRow{
				benefit("A1", "", esposito.surname, esposito.name, esposito.birth, "", month(2020, 1), month(2020, 3), "500"),
				benefit("A2", esposito.code(), esposito.surname, esposito.name, esposito.birth, "", month(2020, 1), month(2020, 3), "500"),
				benefit("A3", "", esposito.surname, esposito.name, time.Time{}, "", month(2020, 1), month(2020, 3), "500"),
			},
		},
		{
			name:     "period ending before it starts is not counted and is reported",
			suspects: []ledger.Suspect{suspectOf("S1", esposito, true)},
			rows: []ledger.BenefitRow{
				benefit("A1", esposito.code(), esposito.surname, esposito.name, esposito.birth, "", month(2020, 1), month(2020, 1), "500"),
				benefit("A1", esposito.code(), esposito.surname, esposito.name, esposito.birth, "", month(2020, 6), month(2020, 2), "500"),
			},
			flags:  []string{"S1 A1 exact 2020-01 500"},
			issues: []string{"ends (2020-02) before it starts (2020-06): not counted"},
		},
		{
			name:     "months outside the RdC life span are counted and reported, once per row",
			suspects: []ledger.Suspect{suspectOf("S1", esposito, true)},
			rows: []ledger.BenefitRow{
				benefit("A1", esposito.code(), esposito.surname, esposito.name, esposito.birth, "", month(2019, 3), month(2019, 4), "100"),
				benefit("A1", esposito.code(), esposito.surname, esposito.name, esposito.birth, "", month(2020, 1), month(2020, 1), "100"),
				benefit("A1", esposito.code(), esposito.surname, esposito.name, esposito.birth, "", month(2024, 1), month(2024, 1), "100"),
			},
			flags: []string{"S1 A1 exact 2019-03,2019-04,2020-01,2024-01 100"},
			issues: []string{"outside the months Reddito di cittadinanza was paid in (2019-04 to 2023-12)",
				"outside the months Reddito di cittadinanza was paid in (2019-04 to 2023-12)"},
		},
		{
			name:     "months outside the life span of a recipient matching nobody are not reported",
			suspects: []ledger.Suspect{suspectOf("S1", esposito, true)},
			rows: []ledger.BenefitRow{
				benefit("A9", ferri.code(), ferri.surname, ferri.name, ferri.birth, "", month(2018, 1), month(2018, 2), "100"),
			},
		},
		{
			name:     "two suspects with the same tax code are both flagged",
			suspects: []ledger.Suspect{suspectOf("SA", esposito, true), suspectOf("SB", esposito, true)},
			rows: []ledger.BenefitRow{
				benefit("A1", esposito.code(), esposito.surname, esposito.name, esposito.birth, "", month(2020, 1), month(2020, 2), "300"),
			},
			flags: []string{"SA A1 exact 2020-01,2020-02 600", "SB A1 exact 2020-01,2020-02 600"},
		},
		{
			name:     "an application matched through two members gives one flag per suspect",
			suspects: []ledger.Suspect{suspectOf("S1", esposito, true), suspectOf("S2", romano, true)},
			hh: []ledger.HouseholdMember{
				member("A1", ferri.code(), ferri.surname, ferri.name, ferri.birth),
				member("A1", esposito.code(), esposito.surname, esposito.name, esposito.birth),
				member("A1", romano.code(), romano.surname, romano.name, romano.birth),
			},
			rows: []ledger.BenefitRow{
				benefit("A1", ferri.code(), ferri.surname, ferri.name, ferri.birth, "", month(2020, 1), month(2020, 4), "200"),
			},
			// S1 active Jan-Mar (600), S2 Feb-Apr (600): same recovery, by suspect
			flags: []string{"S1 A1 exact 2020-01,2020-02,2020-03,2020-04 600", "S2 A1 exact 2020-01,2020-02,2020-03,2020-04 600"},
		},
		{
			name:     "flags sorted by recovery, then suspect, then application",
			suspects: []ledger.Suspect{suspectOf("S2", romano, true), suspectOf("S1", esposito, true)},
			rows: []ledger.BenefitRow{
				benefit("B", esposito.code(), esposito.surname, esposito.name, esposito.birth, "", month(2020, 1), month(2020, 1), "100"),
				benefit("A", esposito.code(), esposito.surname, esposito.name, esposito.birth, "", month(2020, 1), month(2020, 1), "100"),
				benefit("C", romano.code(), romano.surname, romano.name, romano.birth, "", month(2020, 2), month(2020, 2), "100"),
				benefit("D", romano.code(), romano.surname, romano.name, romano.birth, "", month(2020, 3), month(2020, 3), "900"),
				benefit("E", esposito.code(), esposito.surname, esposito.name, esposito.birth, "", month(2021, 1), month(2021, 1), "5000"),
			},
			flags: []string{"S2 D exact 2020-03 900", "S1 A exact 2020-01 100", "S1 B exact 2020-01 100", "S2 C exact 2020-02 100", "S1 E exact 2021-01 0"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			flags, issues := crossOne(tt.suspects, tt.hh, tt.rows, act)
			var got []string
			for _, f := range flags {
				got = append(got, strings.Join([]string{f.Suspect, f.Application, string(f.Class), monthList(f.Months), f.RecoveryEUR.String()}, " "))
			}
			if strings.Join(got, "\n") != strings.Join(tt.flags, "\n") {
				t.Errorf("flags:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tt.flags, "\n"))
			}
			if len(issues) != len(tt.issues) {
				t.Fatalf("issues = %+v, want %d", issues, len(tt.issues))
			}
			for i, w := range tt.issues {
				if !strings.Contains(issues[i].Msg.String(), w) {
					t.Errorf("issue %d = %q, want it to contain %q", i, issues[i].Msg.String(), w)
				}
			}
			for _, f := range flags {
				sum := decimal.Zero
				for _, v := range f.OverlapEUR {
					sum = sum.Add(v)
				}
				if len(f.OverlapEUR) != len(f.OverlapMonths) || !sum.Equal(f.RecoveryEUR) {
					t.Errorf("%s: OverlapEUR %v does not foot to recovery %s over %d months", f.ID, f.OverlapEUR, f.RecoveryEUR, len(f.OverlapMonths))
				}
			}
		})
	}
}
