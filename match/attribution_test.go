package match

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/crosscheck/crosscheck/ledger"
	"github.com/crosscheck/crosscheck/match/ident"
)

func date(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

// Valid and invalid identifiers from /work/shared/vectors.
const (
	ibanRossi     = "IT60X0542811101000000123456"
	ibanShared    = "AT611904300234573201"
	ibanBadCIN    = "IT64Y0542811101000000123456" // mod-97 right, CIN wrong
	walletBianchi = "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed"
	codeCaccamo   = "CCCFBA85D03L219P"
	codeCaccamoOm = "CCCFBA85D03L21VE" // an omocodic variant of codeCaccamo
)

func attribSuspects() ([]ledger.Suspect, []ledger.Identifier) {
	ref := func(row int) ledger.Ref { return ledger.Ref{Path: "suspects.csv", Row: row} }
	suspects := []ledger.Suspect{
		{ID: "S1", TaxCode: codeCaccamo, Surname: "Caccamo", Name: "Fabio", BirthDate: date(1985, 4, 3), Sex: "M", Ref: ref(2),
			Identifiers: []ledger.Identifier{{Kind: ledger.IdentIBAN, Value: "IT60 X054 2811 1010 0000 0123 456"},
				{Kind: ledger.IdentEmail, Value: "fabio@example.org"}}},
		{ID: "S2", TaxCode: ident.EncodeTaxCode("Bianchi", "Luca", "M", date(1990, 7, 14), "F205"), Surname: "Bianchi", Name: "Luca",
			BirthDate: date(1990, 7, 14), Upline: codeCaccamoOm, Ref: ref(3),
			Identifiers: []ledger.Identifier{{Kind: ledger.IdentWallet, Value: walletBianchi}}},
		{ID: "S3", Surname: "D'Angelo", Name: "Anna", Upline: "S77", Ref: ref(4)},
		{ID: "S4", TaxCode: "RSSMRA80A01H501X", Surname: "Verdi", Name: "Gino", Ref: ref(5)},                                             // bad check char
		{ID: "S5", TaxCode: "BRNGNN71B26L219T", Surname: "Bruno", Name: "Giovanni", BirthDate: date(1971, 2, 27), Sex: "F", Ref: ref(6)}, // date and sex disagree
		{ID: "S1", Surname: "Again", Name: "Repeated", Ref: ref(7)},
		{ID: "S6", Surname: "Dangelo", Name: "Anna", Ref: ref(8)}, // same normalised name as S3
	}
	ids := []ledger.Identifier{
		{Suspect: "S1", Kind: ledger.IdentIBAN, Value: ibanShared, Ref: ledger.Ref{Path: "ids.csv", Row: 2}},
		{Suspect: "s2", Kind: ledger.IdentIBAN, Value: "at61 1904 3002 3457 3201", Ref: ledger.Ref{Path: "ids.csv", Row: 3}},
		{Suspect: "S3", Kind: ledger.IdentIBAN, Value: ibanBadCIN, Ref: ledger.Ref{Path: "ids.csv", Row: 4}},
		{Suspect: "S99", Kind: ledger.IdentEmail, Value: "ghost@example.org", Ref: ledger.Ref{Path: "ids.csv", Row: 5}},
		{Suspect: "cccfba85d03l21ve", Kind: ledger.IdentTelegram, Value: "@FabioTV", Ref: ledger.Ref{Path: "ids.csv", Row: 6}},
		{Suspect: "S2", Kind: ledger.IdentEmail, Value: "  ", Ref: ledger.Ref{Path: "ids.csv", Row: 7}},
	}
	return suspects, ids
}

func TestNewAttributorReportsIssues(t *testing.T) {
	suspects, ids := attribSuspects()
	_, issues := NewAttributor(suspects, ids)
	text := fmt.Sprintf("%+v", issues)
	for _, want := range []string{
		"identifier " + ibanShared + " shared by S1, S2",
		"name DANGELO ANNA shared by S3, S6",
		"suspect id S1 repeated (first at row 2)",
		"suspect S4: invalid tax code",
		"suspect S5: birth date disagrees with tax code",
		"suspect S5: sex F disagrees with tax code",
		`upline S77 names no known suspect`,
		`names no known suspect S99`,
		"suspect S3: IBAN", // invalid IBAN reported...
		"(matched by its text with spaces, hyphens and dots left out all the same: check it)",
		`identifier of S2 has no value`,
	} {
		if !strings.Contains(text, want) {
			t.Errorf("issues lack %q:\n%s", want, text)
		}
	}
	if n := strings.Count(text, "shared by S1, S2"); n != 1 {
		t.Errorf("shared IBAN reported %d times, want once:\n%s", n, text)
	}
}

func TestAttributeRulesInOrder(t *testing.T) {
	suspects, ids := attribSuspects()
	a, _ := NewAttributor(suspects, ids)
	tests := []struct {
		name string
		p    ledger.Payment
		want string
		rule ledger.Rule
		by   string
	}{
		{"suspect column beats everything", ledger.Payment{Suspect: "S2", FileSuspect: "S1", PayeeAccount: ibanRossi, Payee: "Fabio Caccamo"}, "S2", ledger.RuleSuspectColumn, "S2"},
		{"suspect column by omocodic lower-case tax code", ledger.Payment{Suspect: " cccfba85d03l21ve "}, "S1", ledger.RuleSuspectColumn, "cccfba85d03l21ve"},
		{"suspect column by lower-case id", ledger.Payment{Suspect: "s3"}, "S3", ledger.RuleSuspectColumn, "s3"},
		{"unknown suspect column falls through to the file", ledger.Payment{Suspect: "S99", FileSuspect: "S2", PayeeAccount: ibanRossi}, "S2", ledger.RuleFileSuspect, "S2"},
		{"file suspect beats payee account", ledger.Payment{FileSuspect: "S3", PayeeAccount: ibanRossi}, "S3", ledger.RuleFileSuspect, "S3"},
		{"unknown file suspect falls through", ledger.Payment{FileSuspect: "S42", PayeeAccount: ibanRossi}, "S1", ledger.RulePayeeAccount, "IT60 X054 2811 1010 0000 0123 456"},
		{"payee account IBAN in other spelling", ledger.Payment{PayeeAccount: "it60x0542811101000000123456"}, "S1", ledger.RulePayeeAccount, "IT60 X054 2811 1010 0000 0123 456"},
		{"payee account 0x address case-insensitive", ledger.Payment{PayeeAccount: strings.ToLower(walletBianchi)}, "S2", ledger.RulePayeeAccount, walletBianchi},
		{"payee account beats payee", ledger.Payment{PayeeAccount: walletBianchi, Payee: "Caccamo Fabio"}, "S2", ledger.RulePayeeAccount, walletBianchi},
		{"shared IBAN attributes nothing", ledger.Payment{PayeeAccount: "AT61 1904 3002 3457 3201"}, "", ledger.RuleNone, ""},
		{"shared IBAN falls through to the payee", ledger.Payment{PayeeAccount: ibanShared, Payee: "fabio caccamo"}, "S1", ledger.RulePayee, "CACCAMO FABIO"},
		{"invalid IBAN matched by exact text", ledger.Payment{PayeeAccount: " " + ibanBadCIN + " "}, "S3", ledger.RulePayeeAccount, ibanBadCIN},
		{"invalid IBAN matched once normalised", ledger.Payment{PayeeAccount: "it64 y054 2811 1010 0000 0123 456"}, "S3", ledger.RulePayeeAccount, ibanBadCIN},
		{"payee e-mail identifier", ledger.Payment{Payee: "FABIO@example.org"}, "S1", ledger.RulePayee, "fabio@example.org"},
		{"payee telegram from identifiers table", ledger.Payment{Payee: "@fabiotv"}, "S1", ledger.RulePayee, "@FabioTV"},
		{"payee full name, name first", ledger.Payment{Payee: "Luca BIANCHI"}, "S2", ledger.RulePayee, "BIANCHI LUCA"},
		{"payee full name shared by two suspects", ledger.Payment{Payee: "D'Angelo Anna"}, "", ledger.RuleNone, ""},
		{"payee surname alone", ledger.Payment{Payee: "Bianchi"}, "", ledger.RuleNone, ""},
		{"nothing to go on", ledger.Payment{Payer: "Caccamo Fabio", PayerAccount: ibanRossi}, "", ledger.RuleNone, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, rule, by := a.Attribute(&tt.p)
			if got != tt.want || rule != tt.rule || by != tt.by {
				t.Errorf("Attribute = (%q, %q, %q), want (%q, %q, %q)", got, rule, by, tt.want, tt.rule, tt.by)
			}
		})
	}
}

func TestAttributeProblemNamesUnknownSuspect(t *testing.T) {
	suspects, ids := attribSuspects()
	a, _ := NewAttributor(suspects, ids)
	tests := []struct {
		p    ledger.Payment
		want string
	}{
		{ledger.Payment{Suspect: "S99", FileSuspect: "S2"}, `suspect S99 is not a known suspect`},
		{ledger.Payment{FileSuspect: "S42"}, `the file's suspect S42 is not a known suspect`},
		{ledger.Payment{Suspect: "s1", FileSuspect: "S2"}, ""},
		{ledger.Payment{}, ""},
		{ledger.Payment{Suspect: "S98", FileSuspect: "S97"}, `suspect S98 is not a known suspect; the file's suspect S97 is not a known suspect`},
	}
	for _, tt := range tests {
		if got := a.Problem(&tt.p); got.String() != tt.want {
			t.Errorf("Problem(%+v) = %q, want %q", tt.p, got, tt.want)
		}
	}
}

func TestResolveAndSuspects(t *testing.T) {
	suspects, ids := attribSuspects()
	a, _ := NewAttributor(suspects, ids)
	for ref, want := range map[string]string{
		"S1": "S1", "s1": "S1", codeCaccamo: "S1", "cccfba 85d03 l219p": "S1", codeCaccamoOm: "S1",
		suspects[1].TaxCode: "S2", "S99": "", "": "", "RSSMRA80A01H501X": "S4",
	} {
		got, ok := a.Resolve(ref)
		if got != want || ok != (want != "") {
			t.Errorf("Resolve(%q) = %q, %v; want %q", ref, got, ok, want)
		}
	}
	got := a.Suspects()
	var ids2 []string
	for _, s := range got {
		ids2 = append(ids2, s.ID)
	}
	if strings.Join(ids2, ",") != "S1,S2,S3,S4,S5,S6" {
		t.Fatalf("Suspects ids = %v", ids2)
	}
	if got[1].Upline != "S1" {
		t.Errorf("S2 upline = %q, want resolved to S1", got[1].Upline)
	}
	if got[2].Upline != "S77" {
		t.Errorf("unknown upline rewritten: %q", got[2].Upline)
	}
	if n := len(got[0].Identifiers); n != 4 {
		t.Errorf("S1 has %d identifiers, want 4 (2 own + 2 from the table): %+v", n, got[0].Identifiers)
	}
	if suspects[0].Identifiers[0].Suspect != "" || len(suspects[0].Identifiers) != 2 {
		t.Errorf("input suspects modified: %+v", suspects[0].Identifiers)
	}
}

func TestSuspectWithoutIDDefaultsToTaxCode(t *testing.T) {
	a, issues := NewAttributor([]ledger.Suspect{
		{TaxCode: " " + codeCaccamo, Surname: "Caccamo", Name: "Fabio"},
		{Surname: "No", Name: "Id", Ref: ledger.Ref{Path: "s.csv", Row: 3}},
	}, nil)
	if got := a.Suspects(); len(got) != 1 || got[0].ID != codeCaccamo {
		t.Fatalf("Suspects = %+v", got)
	}
	if len(issues) != 1 || issues[0].Row != 3 || !strings.Contains(issues[0].Msg.String(), "neither an id nor a tax code") {
		t.Errorf("issues = %+v", issues)
	}
}

// BenchmarkAttribute attributes a mix of payments like a real case: most
// by payee account (IBAN, wallet), some by file suspect, some by payee
// name, some unattributed.
func BenchmarkAttribute(b *testing.B) {
	const n = 2000
	var suspects []ledger.Suspect
	for i := range n {
		sur, name := fmt.Sprintf("Surname%d", i), fmt.Sprintf("Name%d", i)
		suspects = append(suspects, ledger.Suspect{
			ID: fmt.Sprintf("S%04d", i), TaxCode: ident.EncodeTaxCode(sur, name, "M", date(1970+i%30, time.Month(1+i%12), 1+i%28), "H501"),
			Surname: sur, Name: name,
			Identifiers: []ledger.Identifier{
				{Kind: ledger.IdentAccount, Value: fmt.Sprintf("ACC-%06d", i)},
				{Kind: ledger.IdentWallet, Value: fmt.Sprintf("0x%040x", i+1)},
			},
		})
	}
	a, _ := NewAttributor(suspects, nil)
	payments := make([]ledger.Payment, 1024)
	for i := range payments {
		k := i % n
		switch i % 8 {
		case 0, 1, 2:
			payments[i].PayeeAccount = fmt.Sprintf("ACC-%06d", k)
		case 3, 4:
			payments[i].PayeeAccount = fmt.Sprintf("0x%040X", k+1)
		case 5:
			payments[i].FileSuspect = fmt.Sprintf("S%04d", k)
		case 6:
			payments[i].Payee = fmt.Sprintf("Name%d Surname%d", k, k)
		case 7:
			payments[i].PayeeAccount = fmt.Sprintf("IT%02d UNKNOWN %d", k%97, k)
		}
	}
	b.ReportAllocs()
	b.ResetTimer()
	attributed := 0
	for i := 0; b.Loop(); i++ {
		if s, _, _ := a.Attribute(&payments[i%len(payments)]); s != "" {
			attributed++
		}
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "payments/s")
	if attributed == 0 {
		b.Fatal("nothing attributed")
	}
}

// FuzzAttribute feeds arbitrary payee fields: Attribute must not panic,
// and must agree with itself.
func FuzzAttribute(f *testing.F) {
	suspects, ids := attribSuspects()
	a, _ := NewAttributor(suspects, ids)
	f.Add("S1", "", ibanRossi, "Fabio Caccamo")
	f.Add("", "s2", "0X5AAEB6053F3E94C9B9A09F33669435E7EF1BEAED", "@fabiotv")
	f.Add("cccfba85d03l21ve", "", "\xff\xfe", "D'Angelo  Anna")
	f.Fuzz(func(t *testing.T, suspect, file, account, payee string) {
		p := ledger.Payment{Suspect: suspect, FileSuspect: file, PayeeAccount: account, Payee: payee}
		s1, r1, b1 := a.Attribute(&p)
		s2, r2, b2 := a.Attribute(&p)
		if s1 != s2 || r1 != r2 || b1 != b2 {
			t.Fatalf("Attribute not deterministic: %v %v", []string{s1, string(r1), b1}, []string{s2, string(r2), b2})
		}
		if (s1 == "") != (r1 == ledger.RuleNone) {
			t.Fatalf("suspect %q with rule %q", s1, r1)
		}
		_ = a.Problem(&p)
	})
}
