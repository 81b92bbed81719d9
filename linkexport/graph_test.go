package linkexport

import (
	"bytes"
	"encoding/json"
	"fmt"
	"github.com/crosscheck/crosscheck/result"
	"io"
	"math/big"
	"math/rand/v2"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/crosscheck/crosscheck/ledger"
	"github.com/crosscheck/crosscheck/match"
	"github.com/shopspring/decimal"
)

// randomReport is a synthetic case: suspects with identifiers (some
// shared), and income and other rows from a pool of payers, some paying
// many times, some paying from a suspect's own account, names in mixed
// case and spacing, currencies in either case, rows with and without a
// rate or a date, amounts beyond int64.
func randomReport(seed uint64, rows int) *result.Report {
	rng := rand.New(rand.NewPCG(seed, 7))
	r := &result.Report{}
	r.Params.Case = "Synthetic " + fmt.Sprint(seed)
	r.Params.ReportDate = time.Date(2024, 3, 1, 0, 0, 0, 0, time.UTC)
	var ids []string
	accounts := []string{"IT60X0542811101000000123456", "shared@example.org", "1BoatSLRHtKNngkdXEeobR76b53LETtpyT"}
	for i := range 6 {
		id := fmt.Sprintf("S%02d", i+1)
		ids = append(ids, id)
		s := ledger.Suspect{ID: id, Surname: "Rossi" + id, Name: "Anna"}
		if i > 0 {
			s.Upline = ids[rng.IntN(i)]
		}
		s.Identifiers = append(s.Identifiers,
			ledger.Identifier{Kind: ledger.IdentEmail, Value: fmt.Sprintf("s%d@example.com", i)},
			ledger.Identifier{Kind: ledger.IdentEmail, Value: accounts[1]})
		if i%2 == 0 {
			s.Identifiers = append(s.Identifiers, ledger.Identifier{Kind: ledger.IdentIBAN, Value: accounts[0]})
		}
		r.Suspects = append(r.Suspects, ledger.SuspectTotals{Suspect: s, IncomeEUR: decimal.New(int64(i), 2)})
	}
	r.Flags = []match.BenefitFlag{{Suspect: "S01", Application: "A1"}, {Suspect: "S03", Application: "A1"}}
	names := []string{"Mario  Bianchi", "MARIO BIANCHI", "mario bianchi", "Luca Verdi", "", "=cmd", "Zoë <Ünïcode> & \"co\"", "tab\there\u2028 back\\slash \x01\x7f", "bad \xff utf8", "Anna \"Nina\" Neri"}
	huge, _ := new(big.Int).SetString("123456789012345678901234567890", 10)
	var entries []ledger.Entry
	for range rows {
		var e ledger.Entry
		e.Attrib = ids[rng.IntN(len(ids))]
		switch rng.IntN(10) {
		case 0:
			e.Attrib = ""
		case 1:
			e.Status = ledger.EntryDuplicate
		case 2:
			e.Direction = ledger.DirOutgoing
		case 3:
			e.Direction = ledger.DirRefund
		}
		switch rng.IntN(5) {
		case 0:
			e.PayerAccount = accounts[rng.IntN(len(accounts))]
		case 1:
			e.PayerAccount = fmt.Sprintf("payer%d@example.net", rng.IntN(rows/3+1))
		case 2:
			e.PayerAccount = fmt.Sprintf("s%d@example.com", rng.IntN(6))
		default:
			e.Payer = names[rng.IntN(len(names))]
		}
		switch rng.IntN(4) {
		case 0:
		case 1:
			e.PayeeAccount = accounts[rng.IntN(len(accounts))]
		default:
			e.PayeeAccount = fmt.Sprintf("payee%d@example.com", rng.IntN(8))
		}
		e.Currency = []string{"EUR", "eur", "usd", "BTC"}[rng.IntN(4)]
		if rng.IntN(8) > 0 {
			e.HasEUR = true
			switch rng.IntN(20) {
			case 0:
				e.EUR = decimal.NewFromBigInt(huge, -2)
			case 1:
				e.EUR = decimal.NewFromInt(int64(rng.IntN(100)))
			default:
				e.EUR = decimal.New(rng.Int64N(2000000)-200000, -2)
			}
		}
		if rng.IntN(15) > 0 {
			e.Date = time.Date(2019, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, rng.IntN(1500))
		}
		entries = append(entries, e)
	}
	r.Entries = func(yield func(ledger.Entry) bool) {
		for _, e := range entries {
			if !yield(e) {
				return
			}
		}
	}
	return r
}

// Build sorts the payment edges on disk; it must write exactly what the
// in-memory graph wrote, whether everything fits one chunk or the merge
// reads many.
func TestBuildMatchesInMemoryGraph(t *testing.T) {
	for _, tc := range []struct {
		seed       uint64
		rows       int
		chunkBytes int
		fanIn      int
	}{
		{1, 0, 0, 0}, {2, 50, 0, 0}, {3, 3000, 0, 0}, {4, 3000, 200, 0}, {5, 1500, 1, 3}, {6, 20000, 4096, 0}, {7, 20000, 512, 4},
	} {
		t.Run(fmt.Sprintf("seed%d-rows%d-chunk%d-fanin%d", tc.seed, tc.rows, tc.chunkBytes, tc.fanIn), func(t *testing.T) {
			want, err := buildOracle(randomReport(tc.seed, tc.rows))
			if err != nil {
				t.Fatal(err)
			}
			g, err := Build(randomReport(tc.seed, tc.rows), Options{TempDir: t.TempDir(), chunkBytes: tc.chunkBytes, fanIn: tc.fanIn})
			if err != nil {
				t.Fatal(err)
			}
			defer g.Close()
			if g.NodeCount() != want.NodeCount() || g.EdgeCount() != want.EdgeCount() {
				t.Errorf("%d nodes and %d edges, want %d and %d", g.NodeCount(), g.EdgeCount(), want.NodeCount(), want.EdgeCount())
			}
			var a, b bytes.Buffer
			if err := WriteGraphML(&a, g); err != nil {
				t.Fatal(err)
			}
			if err := WriteGraphML(&b, want); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(a.Bytes(), b.Bytes()) {
				t.Errorf("GraphML differs from the in-memory graph's:\n%s", firstDiff(a.Bytes(), b.Bytes()))
			}
			da, db := t.TempDir(), t.TempDir()
			if err := WriteI2(da, g); err != nil {
				t.Fatal(err)
			}
			if err := WriteI2(db, want); err != nil {
				t.Fatal(err)
			}
			for _, name := range []string{I2Links, I2Entities, I2Readme} {
				x, _ := os.ReadFile(filepath.Join(da, name))
				y, _ := os.ReadFile(filepath.Join(db, name))
				if !bytes.Equal(x, y) {
					t.Errorf("i2 %s differs from the in-memory graph's:\n%s", name, firstDiff(x, y))
				}
			}
		})
	}
}

func firstDiff(a, b []byte) string {
	la, lb := bytes.Split(a, []byte("\n")), bytes.Split(b, []byte("\n"))
	for i := range min(len(la), len(lb)) {
		if !bytes.Equal(la[i], lb[i]) {
			return fmt.Sprintf("line %d:\n got %s\nwant %s", i+1, la[i], lb[i])
		}
	}
	return fmt.Sprintf("%d lines, want %d", len(la), len(lb))
}

func BenchmarkWriteFtM(b *testing.B) {
	r := randomReport(1, 20000)
	b.ReportAllocs()
	for b.Loop() {
		if err := WriteFtM(io.Discard, r); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkBuildGraphML(b *testing.B) {
	r := randomReport(1, 20000)
	b.ReportAllocs()
	for b.Loop() {
		g, err := Build(r, Options{TempDir: b.TempDir()})
		if err != nil {
			b.Fatal(err)
		}
		if err := WriteGraphML(io.Discard, g); err != nil {
			b.Fatal(err)
		}
		g.Close()
	}
}

// WriteFtM encodes by hand; every line must be the bytes encoding/json
// gives for the same entity (sorted properties, its escapes), names with
// quotes, control characters, U+2028 and invalid UTF-8 included.
func TestFtMLinesAreEncodingJSONs(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteFtM(&buf, randomReport(3, 3000)); err != nil {
		t.Fatal(err)
	}
	lines := bytes.SplitAfter(buf.Bytes(), []byte("\n"))
	if len(lines) < 1000 {
		t.Fatalf("%d lines", len(lines))
	}
	escaped := 0
	for i, line := range lines[:len(lines)-1] {
		var e FtmEntity
		if err := json.Unmarshal(line, &e); err != nil {
			t.Fatalf("line %d: %v", i+1, err)
		}
		var want bytes.Buffer
		enc := json.NewEncoder(&want)
		enc.SetEscapeHTML(false)
		enc.Encode(e)
		// Invalid UTF-8 is written \ufffd, as encoding/json does; read
		// back, it is the character itself.
		if !bytes.Equal(bytes.ReplaceAll(line, []byte(`\ufffd`), []byte("\ufffd")), want.Bytes()) {
			t.Fatalf("line %d:\n got %s\nwant %s", i+1, line, want.Bytes())
		}
		if bytes.Contains(line, []byte(`\u`)) {
			escaped++
		}
	}
	if escaped == 0 {
		t.Error("no line needed an escape: the test data does not exercise them")
	}
}
