package main

import (
	"archive/zip"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/crosscheck/crosscheck/msg"
	"github.com/xuri/excelize/v2"
)

// TestItalianOutputsSpeakItalian runs every command a user reads in
// Italian (demo, run with reviews, validate on the sample and on the real
// export fixtures, template, dossier) and reads back everything they
// wrote: each workbook cell, sheet name, comment, drop-down list, page
// header and chart text, each JSON string, each terminal line and, when
// pdftotext is installed, each dossier page. A text fails when it holds an
// English word crosscheck knows (a word of the catalogue's English texts
// that its Italian texts never use) that is not part of the data copied
// from the inputs. A new English text that reaches an Italian output
// fails here, whether or not it went through the catalogue.
func TestItalianOutputsSpeakItalian(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the sample case several times")
	}
	s := newLeakScan(t)
	dir := t.TempDir()
	sample := filepath.Join(dir, "sample")
	s.data(dir, sample, "The Perfect Storm (sample)", "report.xlsx", "report.json", "report-pagamenti.xlsx", "case.yaml")

	run := func(what string, args ...string) {
		t.Helper()
		code, out, errOut := runCLI(t, args...)
		if code > 1 {
			t.Fatalf("%s: exit %d\n%s%s", what, code, out, errOut)
		}
		for _, line := range strings.Split(out+"\n"+errOut, "\n") {
			s.text(what+" (terminal)", line)
		}
	}

	run("demo", "demo", sample, "--lang", "it")
	s.inputs(sample)
	s.outputs("demo", sample)
	cs := filepath.Join(sample, "case.yaml")
	run("validate", "validate", "--case", cs, "--lang", "it")
	rev := filepath.Join(dir, "revisione")
	if err := os.MkdirAll(rev, 0o755); err != nil {
		t.Fatal(err)
	}
	run("run --reviews", "run", "--case", cs, "--lang", "it", "--reviews", filepath.Join(sample, "report.xlsx"),
		"-o", filepath.Join(rev, "report.xlsx"), "--json", filepath.Join(rev, "report.json"))
	s.outputs("run --reviews", rev)
	// init on the sample's spreadsheets: it picks Italian from the headers
	// and says what it wrote in Italian; the comments of the case file it
	// writes are Italian too.
	folder := filepath.Join(dir, "fascicolo")
	if err := os.MkdirAll(folder, 0o755); err != nil {
		t.Fatal(err)
	}
	ins, _ := filepath.Glob(filepath.Join(sample, "*"))
	for _, in := range ins {
		b := filepath.Base(in)
		if strings.HasPrefix(b, "report") || !(strings.HasSuffix(b, ".csv") || strings.HasSuffix(b, ".xlsx")) {
			continue
		}
		data, err := os.ReadFile(in)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(folder, b), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	run("init", "init", folder)
	scanCaseFileComments(t, filepath.Join(folder, "case.yaml"), sample)
	tpl := filepath.Join(dir, "modelli")
	run("template", "template", tpl, "--lang", "it")
	s.outputs("template", tpl)
	dos := filepath.Join(dir, "schede")
	run("dossier", "dossier", "--case", cs, "--lang", "it", "--all", "--out", dos)
	s.outputs("dossier", dos)

	// Real export layouts and rate files: their messages (profiles read,
	// date orders, rate layouts, headers not found).
	fixtures := []string{"validate", "--lang", "it", "--suspects", filepath.Join(sample, "suspects.xlsx")}
	for _, pat := range []string{"../../ingest/testdata/profiles/*.csv", "../../ingest/testdata/profiles/*.tsv",
		"../../ingest/testdata/profiles/*.xlsx", "../../ingest/testdata/*.xlsx", "../../ingest/testdata/*.csv", "../../ingest/testdata/statements/*.csv"} {
		ms, _ := filepath.Glob(pat)
		for _, m := range ms {
			if strings.Contains(m, "suspects") || strings.Contains(m, "eurofxref") {
				continue
			}
			fixtures = append(fixtures, "--payments", m)
			s.data(m)
			s.inputs(m)
		}
	}
	rates, _ := filepath.Glob("../../ingest/testdata/rates/*.csv")
	rates = append(rates, "../../ingest/testdata/ecb_eurofxref_hist_sample.csv")
	for _, m := range rates {
		fixtures = append(fixtures, "--rates", m)
		s.data(m)
		s.inputs(m)
	}
	run("validate (export fixtures)", fixtures...)
	// The same inputs run to a workbook: the payment detail's direction
	// reasons come from the export profiles' rules.
	fx := filepath.Join(dir, "esportazioni")
	if err := os.MkdirAll(fx, 0o755); err != nil {
		t.Fatal(err)
	}
	fixtures[0] = "run"
	run("run (export fixtures)", append(fixtures, "-o", filepath.Join(fx, "report.xlsx"), "--json", filepath.Join(fx, "report.json"))...)
	s.outputs("run (export fixtures)", fx)

	if s.checked < 2000 {
		t.Errorf("only %d texts checked: is the scan reading the outputs?", s.checked)
	}
	s.report(t)
	if m := msg.Missing(); len(m) > 0 {
		t.Errorf("asked of the catalogue and missing: %q", m)
	}
}

// TestLeakScanFindsEnglish: the scan is only worth something if it finds
// English where there is some.
func TestLeakScanFindsEnglish(t *testing.T) {
	s := newLeakScan(t)
	s.data("report.xlsx")
	for _, text := range []string{
		"Workbook: report.xlsx",
		"no header row found",
		"half away from zero, once per payment, to the cent",
		"esatta: Marino = MARINO (written as name)",
	} {
		before := len(s.leaks)
		s.text("example", text)
		if len(s.leaks) == before {
			t.Errorf("%q: no English found", text)
		}
	}
	for _, text := range []string{
		"Cartella: report.xlsx",
		"esatta: Marino = MARINO (scritto come nome)",
		"nessun cambio USD per il 12/08/2020 (nessuno nei 7 giorni precedenti)",
	} {
		before := len(s.leaks)
		s.text("example", text)
		if len(s.leaks) != before {
			t.Errorf("%q: reported as English: %v", text, s.leaks[before:])
		}
	}
}

// leakScan collects the English words found in Italian outputs.
type leakScan struct {
	t       *testing.T
	english map[string]bool // words only the English catalogue uses
	values  []string        // data copied from the inputs, longest first
	exact   map[string]bool
	seen    map[string]bool
	leaks   []string
	checked int
}

var wordRe = regexp.MustCompile(`\p{L}+`)

// international are words an Italian report writes as the English one
// does (names of systems, units and formats).
var international = []string{"iban", "paypal", "postepay", "telegram", "email", "mail", "wallet", "sha",
	"eur", "btc", "eth", "usdt", "xmr", "json", "xlsx", "csv", "tsv", "pdf", "yaml", "sdmx", "url",
	"inps", "rdc", "server", "smart", "card", "online", "crosscheck", "swift", "bic", "trc", "erc", "bep",
	"iso", "utc", "cet", "cest", "omocodia", "sub", "reseller", "upline", "dossier", "sample", "ftm", "graphml"}

func newLeakScan(t *testing.T) *leakScan {
	italian := map[string]bool{}
	for _, text := range msg.Texts(msg.IT) {
		for _, w := range wordRe.FindAllString(strings.ToLower(text), -1) {
			italian[w] = true
		}
	}
	english := map[string]bool{}
	for _, text := range msg.Texts(msg.EN) {
		for _, w := range wordRe.FindAllString(strings.ToLower(text), -1) {
			if len([]rune(w)) >= 3 && !italian[w] {
				english[w] = true
			}
		}
	}
	// A few English words that any English sentence carries, in case a
	// text outside the catalogue uses words the catalogue does not.
	for _, w := range []string{"the", "and", "not", "with", "from", "found", "written", "workbook", "header",
		"rows", "column", "rate", "rates", "first", "debit", "credit", "amount", "payment", "payments", "suspect",
		"suspects", "file", "files", "sheet", "run", "problems", "rejected", "none", "yes", "month", "months"} {
		if !italian[w] {
			english[w] = true
		}
	}
	for _, w := range international {
		delete(english, w)
	}
	return &leakScan{t: t, english: english, exact: map[string]bool{}, seen: map[string]bool{}}
}

// data records texts that are data, not crosscheck's words: paths and the
// case name.
func (s *leakScan) data(values ...string) {
	for _, v := range values {
		s.addValue(v)
	}
}

func (s *leakScan) addValue(v string) {
	v = strings.TrimSpace(v)
	if v == "" || s.exact[v] || !strings.ContainsFunc(v, unicode.IsLetter) {
		return
	}
	s.exact[v] = true
	if len(v) >= 3 {
		i := sort.Search(len(s.values), func(i int) bool { return len(s.values[i]) < len(v) })
		s.values = slices.Insert(s.values, i, v)
	}
}

// inputs records every cell of the input files under path (a file or a
// folder): what an output copies from them is data.
func (s *leakScan) inputs(path string) {
	files := []string{path}
	if fi, err := os.Stat(path); err == nil && fi.IsDir() {
		files, _ = filepath.Glob(filepath.Join(path, "*"))
	}
	for _, f := range files {
		base := filepath.Base(f)
		s.addValue(base)
		switch {
		case strings.HasPrefix(base, "report"), strings.HasSuffix(base, ".json"), strings.HasSuffix(base, ".md"),
			strings.HasSuffix(base, ".yaml"):
			continue
		case strings.HasSuffix(base, ".xlsx"):
			x, err := excelize.OpenFile(f)
			if err != nil {
				continue
			}
			for _, sh := range x.GetSheetList() {
				s.addValue(sh)
				rows, _ := x.GetRows(sh, excelize.Options{RawCellValue: true})
				for _, r := range rows {
					for _, c := range r {
						s.addValue(c)
					}
				}
			}
			x.Close()
		default:
			b, err := os.ReadFile(f)
			if err != nil {
				continue
			}
			for _, line := range strings.Split(string(b), "\n") {
				for _, c := range strings.FieldsFunc(line, func(r rune) bool { return r == ',' || r == ';' || r == '\t' || r == '\r' }) {
					s.addValue(strings.Trim(c, `" `))
				}
			}
		}
	}
}

// outputs reads back every file in dir a command wrote.
func (s *leakScan) outputs(what, dir string) {
	files, _ := filepath.Glob(filepath.Join(dir, "*"))
	for _, f := range files {
		s.data(filepath.Base(f))
	}
	for _, f := range files {
		where := what + ": " + filepath.Base(f)
		switch filepath.Ext(f) {
		case ".xlsx":
			if !strings.HasPrefix(filepath.Base(f), "report") && what == "demo" {
				continue // the sample's inputs
			}
			s.workbook(where, f)
		case ".json":
			if filepath.Base(f) == "expected.json" {
				continue // the sample's own answer key, for tests
			}
			b, err := os.ReadFile(f)
			if err != nil {
				s.t.Fatal(err)
			}
			var v any
			if err := json.Unmarshal(b, &v); err != nil {
				s.t.Fatalf("%s: %v", where, err)
			}
			s.json(where, "", v)
		case ".pdf":
			if _, err := exec.LookPath("pdftotext"); err != nil {
				s.t.Logf("%s: pdftotext not installed, dossier text not checked", where)
				continue
			}
			out, err := exec.Command("pdftotext", "-layout", f, "-").Output()
			if err != nil {
				s.t.Fatalf("pdftotext %s: %v", f, err)
			}
			for _, line := range strings.Split(string(out), "\n") {
				s.text(where, line)
			}
		}
	}
}

// jsonValues holds the JSON fields that carry English on purpose: the
// English text beside its Italian (problem, message), and codes.
var jsonEnglish = map[string]bool{"problem": true, "message": true, "code": true, "reason": true, "status": true,
	"agreement": true, "detail": true, "kind": true, "class": true, "role": true, "type": true, "field": true,
	"review_state": true, "decision": true, "direction": true, "rule": true, "quotation": true, "level": true,
	"changes": true, "programme": true, "lang": true, "settings": true, "rounding": true, "evidence": true,
	"measure": true, "status_reason": true, "sha256": true, "profile": true, "benefit_flag": true, "column": true, "suspect": true, "recipient": true}

func (s *leakScan) json(where, key string, v any) {
	switch v := v.(type) {
	case map[string]any:
		for k, e := range v {
			if jsonEnglish[k] {
				continue
			}
			s.json(where, k, e)
		}
	case []any:
		for _, e := range v {
			s.json(where, key, e)
		}
	case string:
		s.text(where+" ."+key, v)
	}
}

var code = regexp.MustCompile(`\S*/\S+|crosscheck [a-z]+ .*|\b[a-z0-9]+(?:[-_][a-z0-9]+)+\b|\b[0-9a-f]{16,}\b`)

// upperCode is a currency or ticker code (DOT, USDT) not copied as a cell.
var upperCode = regexp.MustCompile(`\b[A-Z0-9]{2,6}\b`)

var clipped = regexp.MustCompile(`[^",;]+\.\.\.`)

var headerCodes = regexp.MustCompile(`&(?:[LCRAPNDTFZBIUSEXY]|"[^"]*"|\d+)`)

// workbook reads every text of a workbook: cells, sheet names, comments,
// drop-down lists and their messages, page headers and charts.
func (s *leakScan) workbook(where, path string) {
	x, err := excelize.OpenFile(path)
	if err != nil {
		s.t.Fatalf("%s: %v", where, err)
	}
	defer x.Close()
	for _, sh := range x.GetSheetList() {
		at := where + " [" + sh + "]"
		s.text(at, sh)
		rows, err := x.GetRows(sh, excelize.Options{RawCellValue: true})
		if err != nil {
			s.t.Fatalf("%s: %v", at, err)
		}
		for i, r := range rows {
			for j, c := range r {
				s.text(fmt.Sprintf("%s R%dC%d", at, i+1, j+1), c)
			}
		}
		cms, _ := x.GetComments(sh)
		for _, c := range cms {
			s.text(at+" comment "+c.Cell, c.Text)
		}
		dvs, _ := x.GetDataValidations(sh)
		for _, d := range dvs {
			for _, text := range []string{d.Formula1, deref(d.PromptTitle), deref(d.Prompt), deref(d.ErrorTitle), deref(d.Error)} {
				s.text(at+" validation "+d.Sqref, text)
			}
		}
		if hf, _ := x.GetHeaderFooter(sh); hf != nil {
			for _, text := range []string{hf.OddHeader, hf.OddFooter, hf.EvenHeader, hf.EvenFooter, hf.FirstHeader, hf.FirstFooter} {
				s.text(at+" page header", headerCodes.ReplaceAllString(text, " "))
			}
		}
	}
	zr, err := zip.OpenReader(path)
	if err != nil {
		s.t.Fatal(err)
	}
	defer zr.Close()
	for _, f := range zr.File {
		if !strings.HasPrefix(f.Name, "xl/charts/chart") {
			continue
		}
		rc, _ := f.Open()
		d := xml.NewDecoder(rc)
		var name string
		for {
			tok, err := d.Token()
			if err == io.EOF || err != nil {
				break
			}
			switch tok := tok.(type) {
			case xml.StartElement:
				name = tok.Name.Local
			case xml.CharData:
				if name == "v" || name == "t" {
					s.text(where+" "+f.Name, string(tok))
				}
			}
		}
		rc.Close()
	}
}

func deref(p *string) string {
	if p == nil {
		return ""
	}
	return *p
}

// text checks one text: data copied from the inputs is removed, then any
// English word left is a leak.
func (s *leakScan) text(where, text string) {
	text = strings.TrimSpace(text)
	if text == "" || s.exact[text] {
		return
	}
	s.checked++
	if !s.hasEnglish(text) {
		return
	}
	// Data first when it is more than words (a path, a header such as
	// "Total (inclusive of fees and/or spread)"), then codes (a path, a
	// command line, a case-file key such as report_date, a profile's name
	// such as kraken-ledgers, a hash), then the words of the data, then
	// codes written in capitals (a currency such as DOT).
	for _, v := range s.values {
		if !plainWords(v) && strings.Contains(text, v) {
			text = replaceWord(text, v)
		}
	}
	text = code.ReplaceAllString(text, " ")
	for _, v := range s.values {
		if strings.Contains(text, v) {
			text = replaceWord(text, v)
		}
	}
	text = upperCode.ReplaceAllString(text, " ")
	// A list of headers clipped to fit ("Fee, Net, Shipping Ad..."): the
	// clipped one is the start of an input's cell.
	text = clipped.ReplaceAllStringFunc(text, func(c string) string {
		c = strings.TrimSpace(strings.TrimSuffix(c, "..."))
		for _, v := range s.values {
			if strings.HasPrefix(v, c) {
				return " "
			}
		}
		return c
	})
	var words []string
	for _, w := range wordRe.FindAllString(strings.ToLower(text), -1) {
		if s.english[w] {
			words = append(words, w)
		}
	}
	if len(words) == 0 {
		return
	}
	key := strings.Join(words, " ") + "\x00" + text
	if s.seen[key] {
		return
	}
	s.seen[key] = true
	s.leaks = append(s.leaks, fmt.Sprintf("%s: %q (%s)", where, text, strings.Join(words, ", ")))
}

// replaceWord blanks the occurrences of v in text that are not inside a
// longer word: a cell "Date" of an input does not hide "validate".
func replaceWord(text, v string) string {
	var b strings.Builder
	for {
		i := strings.Index(text, v)
		if i < 0 {
			b.WriteString(text)
			return b.String()
		}
		end := i + len(v)
		before, _ := utf8.DecodeLastRuneInString(text[:i])
		after, _ := utf8.DecodeRuneInString(text[end:])
		if (i > 0 && unicode.IsLetter(before) && startsLetter(v)) || (end < len(text) && unicode.IsLetter(after) && endsLetter(v)) {
			b.WriteString(text[:end])
		} else {
			b.WriteString(text[:i])
			b.WriteString(" ")
		}
		text = text[end:]
	}
}

// plainWords reports whether v is letters and spaces only.
func plainWords(v string) bool {
	return !strings.ContainsFunc(v, func(r rune) bool { return !unicode.IsLetter(r) && r != ' ' })
}

func startsLetter(s string) bool { r, _ := utf8.DecodeRuneInString(s); return unicode.IsLetter(r) }

func endsLetter(s string) bool { r, _ := utf8.DecodeLastRuneInString(s); return unicode.IsLetter(r) }

func (s *leakScan) hasEnglish(text string) bool {
	for _, w := range wordRe.FindAllString(strings.ToLower(text), -1) {
		if s.english[w] {
			return true
		}
	}
	return false
}

func (s *leakScan) report(t *testing.T) {
	for _, l := range s.leaks {
		t.Errorf("English in an Italian output: %s", l)
	}
}

// TestItalianUsageErrors: a usage error or an input that cannot be read
// (exit status 2) reads in Italian with --lang it, or when the case file
// says lang: it; cobra's own flag errors ("unknown flag") stay English.
func TestItalianUsageErrors(t *testing.T) {
	dir := t.TempDir()
	empty := filepath.Join(dir, "vuoto.csv")
	os.WriteFile(empty, nil, 0o644)
	caseIT := filepath.Join(dir, "caso.yaml")
	os.WriteFile(caseIT, []byte("lang: it\npayments:\n  - vuoto.csv\n"), 0o644)
	missing := filepath.Join(dir, "manca.csv")
	out := filepath.Join(dir, "r.xlsx")
	badKey := filepath.Join(dir, "chiave.yaml")
	os.WriteFile(badKey, []byte("payments:\n  - path: vuoto.csv\n    suspekt: S1\n"), 0o644)
	s := newLeakScan(t)
	s.data(dir, empty, caseIT, missing, out, badKey)
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"run", "--lang", "it", "--case", filepath.Join(dir, "manca.yaml"), "-o", out}, "file o cartella inesistente"},
		{[]string{"run", "--lang=it", "-o", out}, "nessun dato in ingresso"},
		{[]string{"run", "--lang", "it", "--payments", empty}, "niente da scrivere"},
		{[]string{"run", "--lang", "it", "--payments", empty, "-o", filepath.Join(dir, "r.pdf")}, "deve finire in .xlsx"},
		{[]string{"run", "--lang", "it", "--payments", missing, "-o", out}, "pagamenti " + missing + ": file illeggibile"},
		{[]string{"validate", "--lang", "it", "--payments", empty}, "è vuoto"},
		{[]string{"validate", "--lang", "it", "--payments", dir}, "è una cartella"},
		{[]string{"run", "--lang", "it", "--target", "10.000", "--payments", empty, "-o", out}, "potrebbe essere 10.000 o 10"},
		{[]string{"run", "--lang", "it", "--report-date", "31/31/2020", "--payments", empty, "-o", out}, "serve un giorno"},
		{[]string{"dossier", "--lang", "it", "--case", caseIT}, "scegliere gli indagati"},
		{[]string{"validate", "--lang", "it", "--case", badKey}, "chiave `suspekt` sconosciuta sotto payments[1]: forse `suspect`?"},
		// No --lang: the case file's lang: it.
		{[]string{"run", "--case", caseIT, "-o", empty}, "deve finire in .xlsx"},
		{[]string{"run", "--case", caseIT, "--json", empty}, "verrebbe sovrascritto"},
	} {
		code, _, errs := runCLI(t, tc.args...)
		if code != exitUsage || !strings.Contains(errs, tc.want) {
			t.Errorf("%v: exit %d, stderr %q, want 2 and %q", tc.args, code, errs, tc.want)
		}
		s.text(strings.Join(tc.args, " "), strings.TrimPrefix(strings.TrimSpace(errs), "crosscheck:"))
	}
	s.report(t)
	// English stays as it was.
	if _, _, errs := runCLI(t, "run", "--payments", missing, "-o", out); !strings.Contains(errs, "payments "+missing+": unreadable input: open "+missing+": no such file or directory") {
		t.Errorf("English: %q", errs)
	}
}

// matchedFields is the list of fields init matched in a header: the case
// file's own keys (payer_account), the same in both languages.
var matchedFields = regexp.MustCompile(`riga \d+ \([^)]*\)`)

// scanCaseFileComments checks every comment init wrote in an Italian
// case.yaml: no English word once the inputs' cells, the file names and
// the matched field keys are taken out.
func scanCaseFileComments(t *testing.T, path, inputs string) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(data), "\nlang: it ") {
		t.Fatalf("init did not choose Italian:\n%s", data)
	}
	s := newLeakScan(t)
	s.inputs(inputs)
	names, _ := filepath.Glob(filepath.Join(inputs, "*"))
	for _, n := range names {
		s.data(filepath.Base(n))
	}
	for _, line := range strings.Split(string(data), "\n") {
		if _, c, ok := strings.Cut(line, "#"); ok {
			s.text("init case.yaml", matchedFields.ReplaceAllString(c, "riga"))
		}
	}
	if s.checked < 10 {
		t.Errorf("only %d comments checked in %s", s.checked, path)
	}
	s.report(t)
}
