package initcase

import (
	"github.com/crosscheck/crosscheck/msg"
	"path/filepath"
	"sort"
	"strings"
	"unicode"
)

// Words that mark a header as Italian or English. Headers are matched in
// both languages, so the words a file uses tell which one its author
// writes in (docs/report.md#first-contact).
var (
	italianWords = words("data importo valuta causale indagato codice fiscale cognome nome beneficiario ordinante " +
		"riferimento intestatario descrizione quantita quantità stato paese provvedimento mese competenza erogato domanda " +
		"parentela nascita tipo tipologia valore accrediti addebiti operazione canale ruolo referente telefono carta " +
		"reperto sequestro stimato quota possesso richiedente protocollo decorrenza scadenza mensile cambio prezzo " +
		"luogo sesso conto movimento saldo divisa")
	englishWords = words("date amount currency payee payer reference description suspect surname name birth type value " +
		"status country quantity month role phone card email seized seizure owner share application applicant " +
		"relation rate price place sex account balance transaction channel upline identifier kind paid")
)

func words(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

// Language tells the case's language from the headers of the classified
// tables (and the title rows' words): it when Italian words outnumber
// English ones. why says what was counted.
func (r *Result) Language() (lang string, why msg.Message) {
	it, en := 0, 0
	for _, e := range r.Entries {
		for _, h := range e.Header {
			for _, w := range strings.FieldsFunc(strings.ToLower(h), func(c rune) bool { return !unicode.IsLetter(c) }) {
				switch {
				case italianWords[w]:
					it++
				case englishWords[w]:
					en++
				}
			}
		}
	}
	switch {
	case it == 0 && en == 0:
		return "en", msg.New(msg.InitLangUnknown)
	case it > en:
		return "it", msg.New(msg.InitLangItalian, msg.Int(it), msg.Int(en))
	}
	return "en", msg.New(msg.InitLangEnglish, msg.Int(en), msg.Int(it))
}

// genericFolders are folder names that say nothing of the case.
var genericFolders = words("case caso cases casi fascicolo fascicoli dati data input inputs files file documenti " +
	"documents download downloads tmp temp export exports xlsx csv nuova new cartella folder atti")

// ProposeName proposes the case's name: the folder's, unless it is a
// generic word ("case", "fascicolo", "dati"), then the word the files'
// names share ("storm_bank.csv", "storm_paypal.xlsx": "storm"). Empty
// when neither tells: the case file then asks.
func (r *Result) ProposeName() string {
	base := filepath.Base(filepath.Clean(r.Dir))
	if base != "." && base != string(filepath.Separator) && !genericFolders[strings.ToLower(base)] {
		return strings.Join(strings.Fields(strings.NewReplacer("_", " ", "-", " ").Replace(base)), " ")
	}
	count := map[string]int{}
	files := map[string]bool{}
	for _, e := range append(append([]Entry(nil), r.Entries...), r.Unclassified...) {
		if files[e.Path] {
			continue
		}
		files[e.Path] = true
		seen := map[string]bool{}
		stem := strings.TrimSuffix(e.Path, filepath.Ext(e.Path))
		for _, w := range strings.FieldsFunc(strings.ToLower(stem), func(c rune) bool { return !unicode.IsLetter(c) }) {
			if len(w) >= 4 && !seen[w] && !italianWords[w] && !englishWords[w] && !genericFolders[w] && !kindWords[w] {
				seen[w] = true
				count[w]++
			}
		}
	}
	var shared []string
	for w, n := range count {
		if n >= 2 && n*2 >= len(files) {
			shared = append(shared, w)
		}
	}
	if len(shared) == 0 {
		return ""
	}
	sort.Slice(shared, func(i, j int) bool {
		if count[shared[i]] != count[shared[j]] {
			return count[shared[i]] > count[shared[j]]
		}
		return shared[i] < shared[j]
	})
	return shared[0]
}

// kindWords are words file names use for what a table is, not for the case.
var kindWords = words("suspects indagati identifiers identificativi payments pagamenti assets sequestri beni benefits " +
	"rates cambi household nuclei estratto estratti paypal postepay crypto wallet wallets reseller panel inps export " +
	"statement statements bank banca movimenti transazioni transactions eurofxref hist coingecko coinmarketcap")
