package ingest

import (
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck/ledger"
	"github.com/crosscheck/crosscheck/msg"
)

// A filled-in template is read back as meant: each template's headers, in
// either language, match its kind's fields one to one, in order, and each
// drop-down value is a word the reader takes back.
func TestFormsReadBack(t *testing.T) {
	for kind := range forms {
		fields := FormFields(kind)
		if len(fields) != len(forms[kind]) {
			var names []string
			for _, fl := range Fields(kind) {
				names = append(names, fl.Name)
			}
			t.Errorf("%s: %d template columns for %d entries: an entry names no field (fields: %s)", kind, len(fields), len(forms[kind]), strings.Join(names, ", "))
		}
		for _, lang := range []string{msg.EN, msg.IT} {
			cells := make([]string, len(fields))
			for i, fl := range fields {
				cells[i] = fl.Header(lang)
			}
			h := newMatcher(kind, nil).match(cells)
			for i, fl := range fields {
				if got := h.matched; i >= len(got) || got[i] != fl.Name {
					t.Errorf("%s %s: header %q read as %v, want field %s", kind, lang, cells[i], h.matched, fl.Name)
					break
				}
			}
			if len(h.unknown) > 0 {
				t.Errorf("%s %s: unknown headers %q", kind, lang, h.unknown)
			}
		}
		for _, fl := range fields {
			if fl.Form.HelpEN == "" || fl.Form.HelpIT == "" {
				t.Errorf("%s.%s: no help text", kind, fl.Name)
			}
			if fl.Form.Value == FormList && (len(fl.Form.ListEN) == 0 || len(fl.Form.ListEN) != len(fl.Form.ListIT)) {
				t.Errorf("%s.%s: lists %q / %q", kind, fl.Name, fl.Form.ListEN, fl.Form.ListIT)
			}
			for _, v := range append(append([]string(nil), fl.Form.ListEN...), fl.Form.ListIT...) {
				if !listValueRead(kind, fl.Name, v) {
					t.Errorf("%s.%s: drop-down value %q is not read back", kind, fl.Name, v)
				}
			}
		}
	}
}

func listValueRead(kind ledger.Kind, field, v string) bool {
	switch {
	case field == "currency":
		return v == strings.ToUpper(v)
	case kind == ledger.KindIdentifiers && field == "kind":
		_, ok := identKindNames[normKey(v)]
		return ok
	case kind == ledger.KindAssets && field == "type":
		_, ok := assetTypeNames[normKey(v)]
		return ok
	case kind == ledger.KindAssets && field == "status":
		_, ok := assetStatusNames[normKey(v)]
		return ok
	}
	return false
}

// A header is written out in forms only where the default would not do,
// so that the table says what is particular.
func TestFormHeadersOnlyWhereNeeded(t *testing.T) {
	for kind, entries := range forms {
		for _, e := range entries {
			fl := Field{Name: e.field}
			for _, k := range kindFields[kind] {
				if k.Name == e.field {
					fl = k
				}
			}
			if e.en != "" && e.en == fl.Header(msg.EN) {
				t.Errorf("%s.%s: English header %q is the default", kind, e.field, e.en)
			}
			if e.it != "" && e.it == fl.Header(msg.IT) {
				t.Errorf("%s.%s: Italian header %q is the default", kind, e.field, e.it)
			}
		}
	}
}
