package reports

import (
	"github.com/crosscheck/crosscheck/result"
	"iter"
	"slices"
	"time"

	"github.com/crosscheck/crosscheck/ledger"
	"github.com/crosscheck/crosscheck/match"
	"github.com/crosscheck/crosscheck/msg"
	"github.com/shopspring/decimal"
)

func d(s string) decimal.Decimal { return decimal.RequireFromString(s) }

func date(y int, m time.Month, dd int) time.Time { return time.Date(y, m, dd, 0, 0, 0, 0, time.UTC) }

func months(from time.Time, n int) []time.Time {
	var out []time.Time
	for i := range n {
		out = append(out, from.AddDate(0, i, 0))
	}
	return out
}

// Strings that a spreadsheet would evaluate if written as formulas.
var injections = []string{`=HYPERLINK("http://x","y")`, "+39 333 1234567", "-5", "@SUM(A1)"}

// testEntries are synthetic payment rows covering every status.
func testEntries() []ledger.Entry {
	pay := func(row int, dt time.Time, amount, cur string) ledger.Payment {
		return ledger.Payment{Ref: ledger.Ref{Path: "pagamenti.csv", Row: row}, Date: dt, Amount: d(amount), Currency: cur}
	}
	e1 := ledger.Entry{Payment: pay(2, date(2020, 3, 1), "120.00", "EUR"), Status: ledger.EntryOK, EUR: d("120.00"), HasEUR: true,
		Attrib: "S001", Rule: ledger.RulePayeeAccount, AttribBy: "IT60X0542811101000000123456"}
	e1.Payer, e1.PayeeAccount, e1.Reference, e1.Channel = "Cliente Uno", "IT60X0542811101000000123456", "CRO-1", "bonifico"
	e2 := ledger.Entry{Payment: pay(3, date(2020, 4, 15), "0.05000000", "BTC"), Status: ledger.EntryOK, EUR: d("287.46"), HasEUR: true,
		Rate: ledger.Rate{Date: date(2020, 4, 15), Currency: "BTC", Value: d("5749.2"), PerUnit: true}, HasRate: true,
		Attrib: "S001", Rule: ledger.RuleSuspectColumn}
	e2.Reference, e2.Suspect = "0xabc", "S001"
	e3 := e1
	e3.Ref.Row, e3.Status, e3.DuplicateOf = 4, ledger.EntryDuplicate, e1.Ref
	e4 := ledger.Entry{Payment: pay(5, date(2020, 5, 2), "45.50", "EUR"), Status: ledger.EntryConflict, EUR: d("45.50"), HasEUR: true,
		DuplicateOf: ledger.Ref{Path: "pagamenti.csv", Row: 2}, Attrib: "S002", Rule: ledger.RulePayee, AttribBy: "BIANCHI LUCA"}
	e4.Reference, e4.Payee = "CRO-1", "Luca Bianchi"
	e5 := ledger.Entry{Payment: pay(6, date(2020, 6, 30), "30.00", "EUR"), Status: ledger.EntryOK, EUR: d("30.00"), HasEUR: true}
	e5.Payer, e5.Payee, e5.Description, e5.PayerAccount = injections[0], injections[1], injections[2], injections[3]
	e6 := ledger.Entry{Payment: pay(7, date(2020, 7, 1), "1000", "XMR"), Status: ledger.EntryOK, Attrib: "S003", Rule: ledger.RuleFileSuspect}
	e6.FileSuspect = "S003"
	e7 := ledger.Entry{Payment: pay(8, date(2020, 7, 2), "-20.00", "EUR"), Status: ledger.EntryOK, EUR: d("-20.00"), HasEUR: true, Attrib: "S001", Rule: ledger.RulePayeeAccount}
	e8 := ledger.Entry{Payment: pay(9, date(2020, 7, 3), "15.25", "USD"), Status: ledger.EntryOK, EUR: d("12.85"), HasEUR: true,
		Rate: ledger.Rate{Date: date(2020, 7, 3), Currency: "USD", Value: d("1.1268")}, HasRate: true}
	e8.Direction = ledger.DirIncoming
	return []ledger.Entry{e1, e2, e3, e4, e5, e6, e7, e8}
}

func testIssues() []ledger.Issue {
	return []ledger.Issue{
		{Path: "pagamenti.csv", Row: 4, Column: "riferimento", Value: "CRO-1", Level: ledger.LevelNote,
			Msg: msg.New(msg.DuplicatePayment, msg.Ref("pagamenti.csv", "", 2), msg.Text("CRO-1"))},
		{Path: "pagamenti.csv", Row: 5, Column: "riferimento", Value: "CRO-1", Level: ledger.LevelWarning,
			Msg: msg.New(msg.SameReferenceOtherAmount, msg.Text("CRO-1"), msg.Ref("pagamenti.csv", "", 2), msg.NumText("1250.50"), msg.NumText("10.00"))},
		{Path: "pagamenti.csv", Row: 7, Field: "currency", Value: "XMR", Level: ledger.LevelRejected,
			Msg: msg.New(msg.NoRateAtAll, msg.Text("XMR"), msg.Date(date(2020, 7, 3)))},
		{Path: "indagati.xlsx", Sheet: "Foglio1", Row: 9, Column: "codice fiscale", Value: injections[0], Level: ledger.LevelWarning,
			Msg: msg.New(msg.SuspectInvalid, msg.Text("S003"), msg.Nested(msg.New(msg.TaxCodeLength, msg.Text("RSSMRA"), msg.Int(6))))},
	}
}

// testReport builds a small synthetic case in the given language.
func testReport(lang string) *result.Report {
	entries, issues := testEntries(), testIssues()
	sus := func(id, cf, surname, name, role, upline string) ledger.Suspect {
		return ledger.Suspect{ID: id, TaxCode: cf, Surname: surname, Name: name, Role: role, Upline: upline}
	}
	r := &result.Report{
		Params: result.Params{Case: "The Perfect Storm (test)", ReportDate: date(2020, 11, 6), TargetEUR: d("10000000"),
			Lang: lang, Version: "test", CaseFile: "case.yaml", Settings: map[string]string{"rate_lookback_days": "7"}},
		Sources: []ledger.Source{
			{Path: "indagati.xlsx", Sheet: "Foglio1", Kind: ledger.KindSuspects, SHA256: "aa11", Rows: 4, Accepted: 3, Rejected: 1},
			{Path: "pagamenti.csv", Kind: ledger.KindPayments, SHA256: "bb22", Rows: 8, Accepted: 7, Duplicates: 1, Unknown: []string{"note"}},
		},
		Suspects: []ledger.SuspectTotals{
			{Suspect: sus("S001", "RSSMRA80A01H501U", "ROSSI", "MARIO", "source", ""), Payments: 3, IncomeEUR: d("387.46"),
				ByCurrency: map[string]decimal.Decimal{"EUR": d("100.00"), "BTC": d("0.05")}, First: date(2020, 3, 1), Last: date(2020, 7, 2),
				Payers: 2, NetworkIncomeEUR: d("432.96"), Downline: []string{"S002"}, SeizedEUR: d("1500.10"), ShortfallEUR: d("0")},
			{Suspect: sus("S002", "BNCLCU85M12F205X", "BIANCHI", "LUCA", "reseller", "S001"), Payments: 1, IncomeEUR: d("45.50"),
				ByCurrency: map[string]decimal.Decimal{"EUR": d("45.50")}, First: date(2020, 5, 2), Last: date(2020, 5, 2),
				Payers: 1, NetworkIncomeEUR: d("45.50"), SeizedEUR: d("0"), ShortfallEUR: d("45.50")},
			{Suspect: sus("S003", "", "VERDI", "ANNA", "platform", ""), Payments: 1, NoRate: 1, IncomeEUR: d("0"),
				ByCurrency: map[string]decimal.Decimal{"XMR": d("1000")}, First: date(2020, 7, 1), Last: date(2020, 7, 1),
				Payers: 0, NetworkIncomeEUR: d("0"), SeizedEUR: d("250000.00"), ShortfallEUR: d("0")},
		},
		Seizure: ledger.Seizure{
			Assets: []ledger.AssetValue{
				{Asset: ledger.Asset{ID: "R1", Owner: "S001", Type: ledger.AssetBankAccount, Description: "conto corrente",
					Value: d("1500.10"), HasValue: true, Currency: "EUR", SeizureDate: date(2020, 11, 5), Country: "IT",
					Share: d("1"), Status: ledger.StatusSeized}, Suspect: "S001", EUR: d("1500.10"), HasEUR: true, Counted: true},
				{Asset: ledger.Asset{ID: "R2", Owner: "S003", Type: ledger.AssetCrypto, Quantity: d("30.5"), HasQuantity: true,
					Currency: "BTC", SeizureDate: date(2020, 11, 5), Country: "NL", Share: d("0.5"), Status: ledger.StatusConfiscated},
					Suspect: "S003", EUR: d("250000.00"), HasEUR: true, Counted: true, HasRate: true,
					Rate:      ledger.Rate{Date: date(2020, 11, 5), Currency: "BTC", Value: d("16393.44262295"), PerUnit: true},
					ReportEUR: d("197000.00"), HasReportEUR: true},
				{Asset: ledger.Asset{ID: "R3", Owner: "S002", Type: ledger.AssetServer, Description: injections[0], Country: "DE",
					Share: d("1"), Status: ledger.StatusSeized}, Suspect: "S002", Counted: false},
				{Asset: ledger.Asset{ID: "R4", Owner: "S002", Type: ledger.AssetVehicle, Value: d("9000"), HasValue: true,
					Currency: "EUR", Share: d("1"), Status: ledger.StatusReleased}, Suspect: "S002"},
			},
			TotalEUR: d("251500.10"), TargetEUR: d("10000000"), Percent: d("2.52"), RemainingEUR: d("9748499.90"),
			ByType:        map[ledger.AssetType]decimal.Decimal{ledger.AssetBankAccount: d("1500.10"), ledger.AssetCrypto: d("250000.00")},
			ByCountry:     map[string]decimal.Decimal{"IT": d("1500.10"), "NL": d("250000.00")},
			Takedowns:     map[ledger.AssetType]int{ledger.AssetServer: 1, ledger.AssetTelegramChannel: 0},
			TakedownItems: map[ledger.AssetType]decimal.Decimal{ledger.AssetServer: d("1")},
			CryptoAtSeize: d("250000.00"), CryptoAtReport: d("197000.00"), Released: 1,
		},
		Flags: []match.BenefitFlag{
			{ID: "F-S001-A1", Suspect: "S001", Application: "A1", Class: match.ClassExact, Role: "applicant",
				Evidence: []match.FieldEvidence{
					{Field: "tax_code", Suspect: "RSSMRA80A01H501U", Recipient: "RSSMRA80A01H501U", Agreement: match.AgreeExact, Score: 1},
					{Field: "surname", Suspect: "ROSSI", Recipient: "ROSSI", Agreement: match.AgreeExact, Score: 1},
					{Field: "name", Suspect: "MARIO", Recipient: "MARIO", Agreement: match.AgreeExact, Score: 1},
					{Field: "birth_date", Suspect: "1980-01-01", Recipient: "1980-01-01", Agreement: match.AgreeExact, Score: 1},
					{Field: "birth_place", Suspect: "ROMA", Recipient: "", Agreement: match.AgreeMissing},
					{Field: "sex", Suspect: "M", Recipient: "M", Agreement: match.AgreeExact, Score: 1},
				},
				Agreed: []string{"tax_code", "surname", "name", "birth_date", "sex"},
				Months: months(date(2020, 1, 1), 6), BenefitEUR: d("3000.00"),
				OverlapMonths: months(date(2020, 3, 1), 4), RecoveryEUR: d("2000.00"), IncomeDuringEUR: d("407.46"), Status: "to review"},
			{ID: "F-S002-A7", Suspect: "S002", Application: "A7", Class: match.ClassPossible, Role: "household member",
				Evidence: []match.FieldEvidence{
					{Field: "tax_code", Suspect: "BNCLCU85M12F205X", Recipient: "", Agreement: match.AgreeMissing},
					{Field: "surname", Suspect: "BIANCHI", Recipient: "BIANCKI", Agreement: match.AgreeClose, Score: 0.93},
					{Field: "name", Suspect: "LUCA", Recipient: "LUCA", Agreement: match.AgreeExact, Score: 1},
					{Field: "birth_date", Suspect: "1985-08-12", Recipient: "1985-08-12", Agreement: match.AgreeExact, Score: 1},
				},
				Agreed: []string{"surname", "name", "birth_date"},
				Months: append(months(date(2020, 4, 1), 3), date(2020, 9, 1)), BenefitEUR: d("1120.40"),
				OverlapMonths: months(date(2020, 5, 1), 1), RecoveryEUR: d("280.10"), IncomeDuringEUR: d("45.50"), Status: "to review"},
		},
		HouseholdsKnown:    false,
		Cycles:             []ledger.Cycle{{"S004", "S005"}},
		PaymentsTotal:      7,
		AttributedPayments: 5,
		AttributedEUR:      d("432.96"),
		UnattributedCount:  2,
		UnattributedEUR:    d("42.85"),
		NoRateCount:        1,
		DuplicateCount:     1,
		RatesUsed: []ledger.RateUse{
			{Rate: ledger.Rate{Date: date(2020, 4, 15), Currency: "BTC", Value: d("5749.2"), PerUnit: true, Ref: ledger.Ref{Path: "crypto_eur.csv", Row: 12}}, Uses: 1},
			{Rate: ledger.Rate{Date: date(2020, 7, 3), Currency: "USD", Value: d("1.1268"), Ref: ledger.Ref{Path: "eurofxref-hist.csv", Row: 300}}, Uses: 1},
		},
		Entries:    slices.Values(entries),
		IssueCount: len(issues),
		Issues:     slices.Values(issues),
	}
	return r
}

// manyEntries yields n synthetic entries generated on the fly.
func manyEntries(n int) iter.Seq[ledger.Entry] {
	return func(yield func(ledger.Entry) bool) {
		base := testEntries()
		for i := range n {
			e := base[i%len(base)]
			e.Ref.Row = i + 2
			if !yield(e) {
				return
			}
		}
	}
}
