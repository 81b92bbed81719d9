// Command gen writes the built-in sample case of crosscheck (a small,
// synthetic pyramid IPTV organisation) into testdata/sample, together
// with expected.json, the results computed here from what was planted,
// independently of the packages under test.
//
// Run from the module root:
//
//	go run ./testdata/gen
//
// With -scale large it writes instead a national-size synthetic case for
// benchmarks into -out (never committed; see large.go):
//
//	go run ./testdata/gen -scale large -out /tmp/large1m [-payments 4000000] [-suspects 40]
//
// The output is byte-for-byte deterministic (fixed seed, fixed workbook
// properties): the generator builds everything twice and refuses to write
// if the two builds differ.
package main

import (
	"bytes"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sort"
	"strings"
	_ "time/tzdata" // Europe/Rome must not depend on the host's zoneinfo

	"github.com/xuri/excelize/v2"
)

// gen carries the random source and everything invented so far.
type gen struct {
	r     *rand.Rand
	cast  *cast
	rates *rates
}

func main() {
	out := flag.String("out", defaultOut, "folder to write the case into")
	scale := flag.String("scale", "sample", "sample (the committed sample case) or large (a big case for benchmarks, not committed)")
	payments := flag.Int("payments", 1_000_000, "payment rows of the large case")
	noBenefits := flag.Bool("no-benefits", false, "large case without the benefit lists and households (the payments, suspects, seizures and rates a Parquet export reads)")
	suspects := flag.Int("suspects", largeSuspects, "suspects of the large case (benefit recipients and assets scale with them)")
	flag.Parse()
	var err error
	switch *scale {
	case "sample":
		err = run(*out)
	case "large":
		if *out == defaultOut {
			err = fmt.Errorf("-scale large: give -out DIR outside the repository (the large case is not committed)")
			break
		}
		err = runLarge(*out, *payments, *suspects, *noBenefits)
	default:
		err = fmt.Errorf("-scale %q: want sample or large", *scale)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

const defaultOut = "testdata/sample"

func run(out string) error {
	if err := selfCheckCodes(); err != nil {
		return err
	}
	first, err := build()
	if err != nil {
		return err
	}
	second, err := build()
	if err != nil {
		return err
	}
	if err := sameFiles(first, second); err != nil {
		return fmt.Errorf("output is not deterministic: %w", err)
	}
	if err := os.MkdirAll(out, 0o755); err != nil {
		return err
	}
	names := sortedNames(first)
	for _, name := range names {
		if err := os.WriteFile(filepath.Join(out, name), first[name], 0o644); err != nil {
			return fmt.Errorf("write %s: %w", name, err)
		}
	}
	fmt.Printf("wrote %d files to %s\n", len(names), out)
	return nil
}

func sortedNames(files map[string][]byte) []string {
	var names []string
	for n := range files {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

func sameFiles(a, b map[string][]byte) error {
	if len(a) != len(b) {
		return fmt.Errorf("%d files, then %d", len(a), len(b))
	}
	for name, data := range a {
		if !bytes.Equal(data, b[name]) {
			return fmt.Errorf("%s differs between two builds", name)
		}
	}
	return nil
}

// build generates every file of the sample in memory. The order of the
// steps fixes the sequence of random numbers: keep it.
func build() (map[string][]byte, error) {
	g := &gen{r: rand.New(rand.NewPCG(1, 2))}
	g.rates = genRates(g.r)
	g.cast = newCast(g.r)
	files := map[string][]byte{
		"eurofxref-hist.csv": g.rates.ecbCSV(),
		"crypto_eur.csv":     g.rates.cryptoCSV(),
		"suspects.xlsx":      g.suspectsXLSX(),
		"identifiers.csv":    g.identifiersCSV(),
	}
	bank := g.bankRossi()
	postepay := g.postepayBianchi()
	pp := g.paypalXLSX()
	pp2 := g.paypal2(pp)
	crypto := g.cryptoTransfers()
	panel := g.resellerPanel()
	sources := []*source{bank, postepay, pp, pp2, crypto, panel} // case.yaml order
	for _, s := range sources {
		files[s.file] = s.data
	}
	assets := g.assets()
	files["sequestri.xlsx"] = g.assetsXLSX(assets)
	apps := g.applications()
	files["inps_rdc.xlsx"] = g.benefitsXLSX(apps)
	files["inps_nuclei.xlsx"] = g.householdXLSX(apps)
	update := g.benefitsUpdateCSV(apps)
	files[benefitsUpdateFile] = update.data
	files["case.yaml"] = []byte(caseYAML)

	exp := g.expected(sources, assets, apps)
	exp.Sources = append(exp.Sources, &expSource{Path: benefitsUpdateFile, Rows: update.rows, Accepted: update.accepted, Duplicates: update.dups})
	data, err := exp.json()
	if err != nil {
		return nil, err
	}
	files["expected.json"] = data
	files["README.md"] = g.readme(sources, assets, apps, exp)
	return files, nil
}

// fixedTime is written as the workbooks' creation and modification time so
// that two runs give identical bytes.
const fixedTime = "2020-11-06T00:00:00Z"

func newWorkbook(sheet string) *excelize.File {
	f := excelize.NewFile()
	f.SetSheetName("Sheet1", sheet)
	f.SetDocProps(&excelize.DocProperties{
		Created: fixedTime, Modified: fixedTime, Creator: "crosscheck testdata/gen", LastModifiedBy: "crosscheck testdata/gen",
		Title: "crosscheck sample case (synthetic data)", Language: "it-IT",
	})
	return f
}

func saveWorkbook(f *excelize.File) []byte {
	var b bytes.Buffer
	if _, err := f.WriteTo(&b); err != nil {
		panic(err)
	}
	return b.Bytes()
}

var (
	dateFormat = "dd/mm/yyyy"
	pctFormat  = &excelize.Style{NumFmt: 9}
)

func dateStyle(f *excelize.File) int {
	id, err := f.NewStyle(&excelize.Style{CustomNumFmt: &dateFormat})
	if err != nil {
		panic(err)
	}
	return id
}

func setRow(f *excelize.File, sheet string, row int, values []any) {
	cell, _ := excelize.CoordinatesToCellName(1, row)
	if err := f.SetSheetRow(sheet, cell, &values); err != nil {
		panic(err)
	}
}

func styleCell(f *excelize.File, sheet string, col, row, style int) {
	cell, _ := excelize.CoordinatesToCellName(col, row)
	f.SetCellStyle(sheet, cell, cell, style)
}

func toAny(ss []string) []any {
	out := make([]any, len(ss))
	for i, s := range ss {
		out[i] = s
	}
	return out
}

// suspectsXLSX writes the suspects list: real date cells, several
// identifiers per cell, S11's listed birth date disagreeing with the date
// in S11's tax code, S07's omocodic tax code.
func (g *gen) suspectsXLSX() []byte {
	const sh = "Indagati"
	f := newWorkbook(sh)
	ds := dateStyle(f)
	setRow(f, sh, 1, toAny([]string{"Id indagato", "Codice fiscale", "Cognome", "Nome", "Data di nascita", "Luogo di nascita", "Paese", "Ruolo", "Referente", "IBAN", "Wallet", "Email", "Telefono", "Telegram"}))
	for i, s := range g.cast.suspects {
		ibans := append([]string(nil), s.ibans...)
		if s.id == "S03" && len(ibans) > 1 {
			ibans[1] = ibanPaper(ibans[1]) // paper form with spaces
		}
		setRow(f, sh, i+2, []any{s.id, s.taxCode, s.surname, s.name, s.listedBirth, s.placeName, s.country, s.role, s.upline,
			strings.Join(ibans, "; "), strings.Join(s.wallets, ";"), s.email, s.phone, s.telegram})
		styleCell(f, sh, 5, i+2, ds)
	}
	f.SetColWidth(sh, "B", "B", 20)
	f.SetColWidth(sh, "J", "L", 40)
	return saveWorkbook(f)
}

// identifiersCSV adds accounts in long form; the PayPal address
// ultra.tv.shop@example.com is listed for both S11 and S12.
func (g *gen) identifiersCSV() []byte {
	c := g.cast
	rows := [][]string{
		{"suspect", "kind", "value"},
		{"S07", "paypal", c.paypal["S07"][1]},
		{"S09", "paypal", c.paypal["S09"][0]},
		{"S06", "card", c.card06},
		{"S05", "wallet", c.tron["S05"]},
		{"S11", "paypal", c.sharedPayPal},
		{"S12", "paypal", c.sharedPayPal},
		{"S13", "telegram", "@storm_support_bot"},
	}
	var b strings.Builder
	for _, r := range rows {
		b.WriteString(strings.Join(r, ",") + "\n")
	}
	return []byte(b.String())
}

// caseYAML is the sample's case file (docs/rules.md#case).
const caseYAML = `# The Perfect Storm (sample): a small SYNTHETIC pyramid IPTV organisation.
# Every name, tax code, account and amount is invented; see README.md for
# what each file plants and expected.json for the results it must give.
case: The Perfect Storm (sample)
report_date: 2020-11-06
target_eur: "10000000"
lang: en

# 14 suspects: 2 head-end sources, 3 platform admins, 6 resellers, 3
# sub-resellers; Referente is the upline (S12 and S13 point at each other).
suspects: [suspects.xlsx]

# More accounts in long form (suspect, kind, value); one PayPal address is
# listed for two suspects, so it attributes nothing.
identifiers: [identifiers.csv]

payments:
  # S01's bank statement: title rows, Accrediti/Addebiti columns; debits are
  # not income.
  - path: estratto_conto_rossi.csv
    suspect: S01
  # S06's Postepay card top-ups (Windows-1252 file).
  - path: postepay_bianchi.csv
    suspect: S06
  # PayPal export: attributed by the receiving e-mail (payee_account).
  - path: paypal.xlsx#Transazioni
  # A second PayPal export overlapping the first: duplicates and a conflict.
  - path: paypal_2.csv
  # On-chain transfers: attributed by the receiving wallet.
  - path: crypto.csv
  # IPTV panel credit sales: attributed by the reseller's Telegram handle or
  # full name, or by the Indagato column.
  - path: reseller_panel.csv

# Seizure records, monetary assets and takedowns (servers, domains, ...).
assets: [sequestri.xlsx]

# Citizenship-income payments: one row per application per month (sheet
# Erogazioni) and the period form (sheet Periodi); then a later export that
# repeats some months (counted once, the repeats listed as duplicates).
benefits: [inps_rdc.xlsx, inps_rdc_agg.csv]

# Household members of the applications.
household: [inps_nuclei.xlsx]

# Synthetic rates: ECB layout (units per EUR) and a crypto price table (EUR
# per unit).
rates: [eurofxref-hist.csv, crypto_eur.csv]

# PayPal's own headers: these add to the built-in synonyms.
columns:
  payments:
    amount: Lordo
    payer: Nome
    payer_account: Indirizzo email mittente
    payee_account: Indirizzo email destinatario
    reference: Codice transazione
`
