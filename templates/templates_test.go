package templates

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck/ledger"
	"github.com/xuri/excelize/v2"
)

func TestTemplates(t *testing.T) {
	tests := []struct {
		lang, kind, sheet string
		headers           []string
		lists             map[string]string // sqref prefix -> an item of its list
	}{
		{"it", "suspects", "indagati", []string{"Id indagato", "Codice fiscale", "Cognome", "Nome", "Data di nascita"}, nil},
		{"en", "suspects", "suspects", []string{"Suspect id", "Tax code", "Surname", "Name", "Birth date"}, nil},
		{"it", "assets", "beni", []string{"N reperto", "Intestatario", "Tipo"}, map[string]string{"C2:": "conto corrente", "L2:": "dissequestrato", "G2:": "BTC"}},
		{"en", "assets", "assets", []string{"Id", "Owner", "Type"}, map[string]string{"C2:": "bank_account", "L2:": "released"}},
		{"en", "identifiers", "identifiers", []string{"Suspect", "Kind", "Value"}, map[string]string{"B2:": "wallet"}},
		{"it", "payments", "pagamenti", []string{"Data", "Importo", "Valuta", "Ordinante"}, nil},
		{"it", "benefits", "RdC", []string{"Id domanda", "Codice fiscale"}, nil},
		{"it", "household", "nuclei", []string{"Id domanda", "Codice fiscale"}, nil},
		{"en", "rates", "rates", []string{"Date", "Currency", "Eur per unit", "Units per EUR"}, nil},
	}
	dirs := map[string]string{}
	for _, lang := range []string{"en", "it"} {
		dirs[lang] = t.TempDir()
		paths, err := Write(dirs[lang], lang)
		if err != nil {
			t.Fatal(err)
		}
		if len(paths) != 7 {
			t.Fatalf("%s: %d templates, want 7", lang, len(paths))
		}
	}
	// Written again, each template is the same bytes.
	again := t.TempDir()
	if _, err := Write(again, "it"); err != nil {
		t.Fatal(err)
	}
	for _, tt := range tests {
		if tt.lang != "it" {
			continue
		}
		a, _ := os.ReadFile(filepath.Join(dirs["it"], FileName(ledger.Kind(tt.kind), "it")))
		b, _ := os.ReadFile(filepath.Join(again, FileName(ledger.Kind(tt.kind), "it")))
		if len(a) == 0 || !bytes.Equal(a, b) {
			t.Errorf("%s template: %d and %d bytes, not the same", tt.kind, len(a), len(b))
		}
	}
	for _, tt := range tests {
		t.Run(tt.lang+"/"+tt.kind, func(t *testing.T) {
			f, err := excelize.OpenFile(filepath.Join(dirs[tt.lang], FileName(ledger.Kind(tt.kind), tt.lang)))
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			rows, err := f.GetRows(tt.sheet)
			if err != nil {
				t.Fatal(err)
			}
			if len(rows) != 1 || !slices.Equal(rows[0][:len(tt.headers)], tt.headers) {
				t.Errorf("headers = %q, want prefix %q", rows, tt.headers)
			}
			dvs, err := f.GetDataValidations(tt.sheet)
			if err != nil {
				t.Fatal(err)
			}
			prompts, typed := 0, map[string]int{}
			for _, dv := range dvs {
				if dv.ShowInputMessage && dv.PromptTitle != nil && *dv.PromptTitle != "" {
					prompts++
				}
				typed[dv.Type]++
				for prefix, item := range tt.lists {
					if strings.HasPrefix(dv.Sqref, prefix) && !strings.Contains(dv.Formula1, item) {
						t.Errorf("list %s = %s, lacks %q", dv.Sqref, dv.Formula1, item)
					}
				}
			}
			if prompts < len(rows[0]) {
				t.Errorf("%d input messages for %d columns", prompts, len(rows[0]))
			}
			if tt.kind == "payments" && (typed["date"] != 1 || typed["decimal"] != 1 || typed["list"] != 1) {
				t.Errorf("payments validations = %v", typed)
			}
			if p, _ := f.GetPanes(tt.sheet); !p.Freeze {
				t.Error("header not frozen")
			}
		})
	}
}
