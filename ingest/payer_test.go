package ingest

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// payerOracle is the payer reading as regular expressions, the
// definition the hand-written matcher of payer.go must equal.
var payerOracle = []*regexp.Regexp{
	regexp.MustCompile(`(?i)\bA\s+(?:VOSTRO|SUO|TUO)\s+FAVORE\s+DA\s*:?\s+(.+?)(?:\s+(?:CAUSALE|CAUS\.?|PER|CRO|TRN|RIF\.?|ID|NOTE|DATA|BIC|IBAN|COD\.?)\b.*|\s*[,;/].*)?$`),
	regexp.MustCompile(`(?i)\bMITT(?:ENTE|\.)?\s*:\s*(.+?)(?:\s+(?:BENEF\.?|BENEFICIARIO|CAUSALE|CAUS\.?|DATA|CRO|TRN|IBAN|BIC)\b.*|\s*[,;/].*)?$`),
	regexp.MustCompile(`(?i)\bORD(?:INANTE|\.)\s*:\s*(.+?)(?:\s+(?:BENEF\.?|BENEFICIARIO|CAUSALE|CAUS\.?|DATA|CRO|TRN|IBAN|BIC)\b.*|\s*[,;/].*)?$`),
	regexp.MustCompile(`(?i)\b(?:BONIFICO|BON\.?|GIROFONDO|P2P|RICARICA|ACCREDITO)(?:\s+(?:SEPA|ISTANTANEO|ISTANT\.?|IN\s+ENTRATA|RICEVUTO|POSTEPAY|ESTERO))*\s+DA\s*:?\s+(.+?)(?:\s+(?:CAUSALE|CAUS\.?|PER|CRO|TRN|RIF\.?|ID|NOTE|DATA|BIC|IBAN)\b.*|\s*[,;/].*)?$`),
	regexp.MustCompile(`(?i)^(?:PAYMENT|TRANSFER|MONEY\s+ADDED)\s+FROM\s+(.+?)(?:\s+(?:REF|REFERENCE|FOR)\b.*|\s*[,;/].*)?$`),
}

func payerByOracle(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	for _, re := range payerOracle {
		if m := re.FindStringSubmatch(s); m != nil {
			name := strings.TrimSpace(strings.Trim(m[1], ".:-"))
			if name != "" && strings.IndexFunc(name, func(r rune) bool { return r >= 'A' && r <= 'z' || r > 0x7f }) >= 0 {
				return name
			}
		}
	}
	return ""
}

// payerSeeds are descriptions at the edges of each wording: spacing,
// colons, end words glued to punctuation, folded letters (ſ, K), words
// inside other words.
var payerSeeds = []string{
	"BONIFICO A VOSTRO FAVORE DA ROSSI MARIO", "bonifico sepa da gallo anna causale x", "Mitt.: Fontana Elisa", "ord.: bianchi luca",
	"money added from Wise", "ACCREDITO DA: VERDI; CRO 1", "P2P DA GALLO ANNA", "MITT.: FONTANA ELISA BENEF.: X", "Payment from A",
	"BONIFICO DA  CAUSALE", "BONIFICO DA :X", "BONIFICO DA : X", "BONIFICO DA:X", "BONIFICO DA", "BONIFICO DA ,", "BON. DA X",
	"BON.DA X", "XBONIFICO DA Y", "_BONIFICO DA Y", "-BONIFICO DA Y", "BONIFICO SEPA ISTANT. IN ENTRATA DA X CAUS.Y",
	"BONIFICO ISTANTANEO DA X CAUS. Y", "BONIFICO ISTANT DA X RIF.1", "BONIFICO IN ENTRATA DA X / Y", "BONIFICO DA X ,Y",
	"BONIFICO DA X CAUSALE", "BONIFICO DA X CAUSALEX", "BONIFICO DA X IDENTITA", "BONIFICO DA X ID", "BONIFICO DA X COD. 1",
	"BONIFICO ſEPA DA X", "BONIFICO SEPA DA X CAUſ Y", "BONIFICO SEPA DA X CAUſY", "BONIFICO SEPA DA X KAUS", "RICARICA POSTEPAY DA X PER Y",
	"MITTENTE : X", "MITTENTE:X DATA 1", "MITTENTE X", "MITT: , X", "MITT.:", "MITT. : X BENEFICIARIO Y", "ORDINANTE: X TRN 1",
	"ORD: X", "ORD.:X/Y", "A SUO FAVORE DA X", "A TUO FAVORE DA: X", "a vostro favore da x cod.1", "AA VOSTRO FAVORE DA X",
	"BONIFICO A VOSTRO FAVORE DA", "TRANSFER FROM X REF 1", "TRANSFER FROM X FOR Y", "MONEY ADDED FROM X", "MONEYADDED FROM X",
	"x Payment from X", "Transfer from", "Transfer from ,", "BONIFICO DA -.:", "BONIFICO DA 123", "BONIFICO DA [x]",
	"\tBONIFICO\u00a0DA\nX\u0085Y  ", "BONIFICO DA \xff\xfe CAUSALE", "BONIFICO DA é", "GIROFONDO DA X DA Y", "BONIFICO DA DA X",
	"BONIFICO SEPA SEPA DA X", "ACCREDITO ESTERO RICEVUTO DA X BIC Y", "BONIFICO DA X BIC_Y", "BONIFICO DA X BIC9",
	"PAYMENT FROM X REFERENCE Y", "PAYMENT FROM X REFERENCES Y", "Pagamento da X",
}

func TestPayerMatchesOracle(t *testing.T) {
	for _, s := range payerSeeds {
		if got, want := PayerFromDescription(s), payerByOracle(s); got != want {
			t.Errorf("PayerFromDescription(%q) = %q, the regular expressions %q", s, got, want)
		}
	}
}

// FuzzPayerMatchesOracle: the hand-written matcher finds what the
// regular expressions find, on any text.
func FuzzPayerMatchesOracle(f *testing.F) {
	for _, s := range payerSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := PayerFromDescription(s), payerByOracle(s); got != want {
			t.Errorf("PayerFromDescription(%q) = %q, the regular expressions %q", s, got, want)
		}
	})
}

func BenchmarkPayerFromDescription(b *testing.B) {
	ss := []string{"BONIFICO SEPA DA ANDREA SALA CAUSALE: ABBONAMENTO 12 MESI", "PRELIEVO CONTANTI SPORTELLO", "BONIFICO A VOSTRO FAVORE DA ROSSI MARIO CRO 1234"}
	for i := 0; i < b.N; i++ {
		PayerFromDescription(ss[i%len(ss)])
	}
}

func BenchmarkPayerOracle(b *testing.B) {
	ss := []string{"BONIFICO SEPA DA ANDREA SALA CAUSALE: ABBONAMENTO 12 MESI", "PRELIEVO CONTANTI SPORTELLO", "BONIFICO A VOSTRO FAVORE DA ROSSI MARIO CRO 1234"}
	for i := 0; i < b.N; i++ {
		payerByOracle(ss[i%len(ss)])
	}
}

// payerByGatedOracle is the regular-expression reading as it ran before
// the hand-written matcher: each expression only when its key word is in
// the description. For timing against the matcher.
func payerByGatedOracle(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	upper := strings.ToUpper(s)
	for i, re := range payerOracle {
		if !strings.Contains(upper, [...]string{"FAVORE", "MITT", "ORD", " DA", "FROM"}[i]) {
			continue
		}
		if m := re.FindStringSubmatch(s); m != nil {
			name := strings.TrimSpace(strings.Trim(m[1], ".:-"))
			if name != "" && strings.IndexFunc(name, func(r rune) bool { return r >= 'A' && r <= 'z' || r > 0x7f }) >= 0 {
				return name
			}
		}
	}
	return ""
}

// BenchmarkPayerOnLargeCase times the matcher and the gated regular
// expressions on the descriptions of the large case's bank statements
// (CROSSCHECK_LARGE_CASE=DIR/case.yaml), checking they agree:
//
//	CROSSCHECK_LARGE_CASE=/tmp/large1m/case.yaml go test -run '^$' -bench BenchmarkPayerOnLargeCase ./ingest
func BenchmarkPayerOnLargeCase(b *testing.B) {
	cas := os.Getenv("CROSSCHECK_LARGE_CASE")
	if cas == "" {
		b.Skip("CROSSCHECK_LARGE_CASE is not set")
	}
	files, _ := filepath.Glob(filepath.Join(filepath.Dir(cas), "estratto_conto_*.csv"))
	var descs []string
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		for _, line := range strings.Split(string(src), "\n") {
			if parts := strings.Split(line, ";"); len(parts) > 3 {
				descs = append(descs, parts[2])
			}
		}
	}
	if len(descs) == 0 {
		b.Skip("no statements beside the case file")
	}
	for _, d := range descs {
		if got, want := PayerFromDescription(d), payerByGatedOracle(d); got != want {
			b.Fatalf("%q: matcher %q, regular expressions %q", d, got, want)
		}
	}
	for _, c := range []struct {
		name string
		fn   func(string) string
	}{{"matcher", PayerFromDescription}, {"regexp", payerByGatedOracle}} {
		b.Run(c.name, func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				for _, d := range descs {
					c.fn(d)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(descs)), "ns/description")
		})
	}
}
