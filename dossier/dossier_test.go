package dossier

import (
	"bytes"
	"github.com/crosscheck/crosscheck/result"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck/casefile"
	"github.com/crosscheck/crosscheck/casework"
	"github.com/crosscheck/crosscheck/ingest"
	"github.com/crosscheck/crosscheck/ledger"
	"github.com/shopspring/decimal"
)

func sampleCase(t testing.TB) *casefile.Case {
	t.Helper()
	c, err := casefile.Load(filepath.Join("..", "testdata", "sample", "case.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func sample(t testing.TB) (*result.Report, *Set) {
	t.Helper()
	res, err := casework.Run(sampleCase(t), casework.Options{Version: "test", TempDir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(res.Close)
	set, err := Build(res.Report)
	if err != nil {
		t.Fatal(err)
	}
	return res.Report, set
}

// Every figure of a dossier is the Suspects sheet's; the income by source,
// the one figure summed for the dossier, foots to it.
func TestDossierFiguresAreTheWorkbooks(t *testing.T) {
	r, set := sample(t)
	if len(set.IDs()) != len(r.Suspects) {
		t.Fatalf("%d dossiers for %d suspects", len(set.IDs()), len(r.Suspects))
	}
	flagged := 0
	for _, st := range r.Suspects {
		d, ok := set.Get(st.Suspect.ID)
		if !ok {
			t.Fatalf("no dossier for %s", st.Suspect.ID)
		}
		if got := d.IncomeBySource(); !got.Equal(st.IncomeEUR) {
			t.Errorf("%s: income by source %s, Suspects sheet %s", st.Suspect.ID, got, st.IncomeEUR)
		}
		n := 0
		for _, s := range d.BySource {
			n += s.Payments
		}
		if n != st.Payments {
			t.Errorf("%s: %d payments by source, %d on the Suspects sheet", st.Suspect.ID, n, st.Payments)
		}
		sum := decimal.Zero
		for _, m := range d.Timeline() {
			sum = sum.Add(m.EUR)
		}
		if !sum.Equal(st.IncomeEUR) {
			t.Errorf("%s: timeline adds up to %s, income %s", st.Suspect.ID, sum, st.IncomeEUR)
		}
		seized := decimal.Zero
		for _, a := range d.Assets {
			if a.Counted && a.HasEUR {
				seized = seized.Add(a.EUR)
			}
		}
		if !seized.Equal(st.SeizedEUR) {
			t.Errorf("%s: assets add up to %s, seized %s", st.Suspect.ID, seized, st.SeizedEUR)
		}
		if len(d.Flags) > 0 {
			flagged++
		}
	}
	if flagged != len(set.Flagged()) || flagged == 0 {
		t.Errorf("%d suspects with flags, Flagged lists %d", flagged, len(set.Flagged()))
	}
}

func pdfText(t *testing.T, pdf []byte) string {
	t.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext not installed (apt-get install poppler-utils)")
	}
	path := filepath.Join(t.TempDir(), "d.pdf")
	if err := os.WriteFile(path, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pdftotext", "-layout", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	return string(out)
}

func pdfBytes(t *testing.T, d *Dossier, lang string) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := Write(&buf, d, Options{Lang: lang}); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// The PDF says what the model says: read back with pdftotext.
func TestDossierContent(t *testing.T) {
	r, set := sample(t)
	id := set.Flagged()[0]
	d, _ := set.Get(id)
	for _, lang := range []string{"en", "it"} {
		text := pdfText(t, pdfBytes(t, d, lang))
		p := &pdf{lang: lang}
		want := []string{
			r.Params.Case, d.Totals.Suspect.ID, d.Totals.Suspect.TaxCode, d.Totals.Suspect.Surname,
			p.money(d.Totals.IncomeEUR), p.money(d.Totals.SeizedEUR), p.money(d.Totals.ShortfallEUR),
			p.money(d.Totals.NetworkIncomeEUR), p.day(r.Params.ReportDate),
		}
		for _, f := range d.Flags {
			want = append(want, f.Flag.Application, p.money(f.Flag.RecoveryEUR))
		}
		for _, s := range d.Sources {
			want = append(want, s.SHA256)
		}
		for _, s := range d.BySource {
			want = append(want, filepath.Base(s.Path))
		}
		pages := map[string]string{"en": "Page 1 of", "it": "Pagina 1 di"}
		want = append(want, pages[lang], tr(lang).t("Benefit flags"), tr(lang).t("Timeline"))
		for _, w := range want {
			if !strings.Contains(text, w) {
				t.Errorf("%s dossier of %s lacks %q", lang, id, w)
			}
		}
		// The case and report date are on every page.
		n := strings.Count(text, "\f")
		if c := strings.Count(text, r.Params.Case); c < n {
			t.Errorf("%s: case name on %d of %d pages", lang, c, n)
		}
	}
}

// Names outside Windows-1252 are printed with the embedded font, never
// replaced by '?'.
func TestDossierNonLatin1Name(t *testing.T) {
	_, set := sample(t)
	d, _ := set.Get(set.IDs()[0])
	c := *d
	c.Totals.Suspect.Surname, c.Totals.Suspect.Name = "Wróbel-Łukaszewicz", "Ștefan"
	text := pdfText(t, pdfBytes(t, &c, "en"))
	if !strings.Contains(text, "Wróbel-Łukaszewicz Ștefan") {
		t.Errorf("name lost: %q", text[:200])
	}
	// The common case keeps the built-in font: no font file embedded.
	if bytes.Contains(pdfBytes(t, d, "en"), []byte("FontFile2")) {
		t.Error("a Windows-1252 dossier embeds a font")
	}
}

func TestDossierSameBytes(t *testing.T) {
	_, set := sample(t)
	d, _ := set.Get(set.Flagged()[0])
	if !bytes.Equal(pdfBytes(t, d, "it"), pdfBytes(t, d, "it")) {
		t.Error("two renderings of one dossier differ")
	}
}

// A benefit recipient who matches no suspect is in no dossier.
func TestDossiersNameNoUnmatchedRecipient(t *testing.T) {
	r, set := sample(t)
	matched := map[string]bool{}
	for _, s := range r.Suspects {
		matched[strings.ToUpper(s.Suspect.TaxCode)] = true
	}
	for _, f := range r.Flags {
		for _, ev := range f.Evidence {
			matched[strings.ToUpper(ev.Recipient)] = true
		}
	}
	var others []string
	for _, in := range sampleCase(t).Inputs[ledger.KindBenefits] {
		ingest.ReadBenefits(ingest.Input{Path: in.Path, Name: in.Name}, ingest.Options{Report: func(ledger.Issue) {}}, func(b ledger.BenefitRow) error {
			if v := strings.ToUpper(b.TaxCode); len(v) == 16 && !matched[v] && !slices.Contains(others, v) {
				others = append(others, v)
			}
			return nil
		})
	}
	if len(others) == 0 {
		t.Fatal("no unmatched recipients in the sample")
	}
	var all strings.Builder
	for _, id := range set.IDs() {
		d, _ := set.Get(id)
		all.WriteString(pdfText(t, pdfBytes(t, d, "en")))
	}
	for _, v := range others {
		if strings.Contains(all.String(), v) {
			t.Errorf("unmatched recipient %s in a dossier", v)
		}
	}
}

func TestWriteAllNamesFiles(t *testing.T) {
	_, set := sample(t)
	dir := t.TempDir()
	paths, err := WriteAll(dir, set, set.IDs()[:3], Options{Lang: "en"})
	if err != nil {
		t.Fatal(err)
	}
	for i, p := range paths {
		if filepath.Base(p) != FileName(set.IDs()[i]) {
			t.Errorf("path %s", p)
		}
		b, err := os.ReadFile(p)
		if err != nil || !bytes.HasPrefix(b, []byte("%PDF-")) {
			t.Errorf("%s: not a PDF (%v)", p, err)
		}
	}
	if _, err := WriteAll(dir, set, []string{"NOPE"}, Options{}); err == nil {
		t.Error("unknown suspect accepted")
	}
}

func TestGroup(t *testing.T) {
	for _, c := range []struct{ in, en, it string }{
		{"0.00", "0.00", "0,00"}, {"1234.56", "1,234.56", "1.234,56"}, {"-1234567.5", "-1,234,567.5", "-1.234.567,5"}, {"999", "999", "999"},
	} {
		if g := group(c.in, false); g != c.en {
			t.Errorf("group(%s) = %s, want %s", c.in, g, c.en)
		}
		if g := group(c.in, true); g != c.it {
			t.Errorf("group(%s, it) = %s, want %s", c.in, g, c.it)
		}
	}
}
