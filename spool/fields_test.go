package spool

import (
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/crosscheck/crosscheck/ledger"
	"github.com/crosscheck/crosscheck/msg"
	"github.com/shopspring/decimal"
)

// The codec is written by hand, field by field: a field added to
// ledger.Payment, ledger.Entry or ledger.Issue and not encoded would come
// back zero from the spool and silently vanish from the reports. These
// tests fill every field by reflection, so a new field fails them until
// the codec carries it.

var (
	decimalType = reflect.TypeOf(decimal.Decimal{})
	timeType    = reflect.TypeOf(time.Time{})
	msgType     = reflect.TypeOf(msg.Message{})
)

// fill sets every field reachable in v to a non-zero value derived from
// seed and the field's position, so that no two fields are equal by
// chance. It fails on a kind it does not know: the codec would not
// know it either.
func fill(t *testing.T, v reflect.Value, path string, seed int, n *int) {
	t.Helper()
	*n++
	k := seed*100 + *n
	switch {
	case v.Type() == decimalType:
		// Both of the codec's forms: small coefficients and exact text.
		if k%2 == 0 {
			v.Set(reflect.ValueOf(decimal.New(int64(k)*101, -2)))
		} else {
			v.Set(reflect.ValueOf(decimal.RequireFromString(fmt.Sprintf("%d.1234567890123456789012345", k))))
		}
		return
	case v.Type() == timeType:
		// The ledger's dates are UTC midnights.
		v.Set(reflect.ValueOf(time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, k)))
		return
	case v.Type() == msgType:
		// A catalogue message: its key and every kind of argument.
		m := msg.New(msg.BenefitSecondPayment, msg.Text(fmt.Sprintf("APP-%d", k)), msg.Month(time.Date(2020, time.Month(k%12+1), 1, 0, 0, 0, 0, time.UTC)),
			msg.NumText(fmt.Sprintf("%d.5", k)), msg.Nested(msg.New(msg.NotADate)), msg.Ref("rdc.csv", "Foglio", k))
		v.Set(reflect.ValueOf(m))
		return
	}
	switch v.Kind() {
	case reflect.Struct:
		for i := range v.NumField() {
			f := v.Type().Field(i)
			if !f.IsExported() {
				t.Fatalf("%s.%s is unexported: the spool cannot be checked to carry it", path, f.Name)
			}
			fill(t, v.Field(i), path+"."+f.Name, seed, n)
		}
	case reflect.String:
		v.SetString(fmt.Sprintf("%s#%d", path[strings.LastIndex(path, ".")+1:], k))
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		v.SetInt(int64(k))
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		// An enumeration (ledger.Direction): in range, never zero (a zero
		// would pass without being encoded), and different for each seed.
		v.SetUint(uint64(1 + k%3))
	case reflect.Bool:
		v.SetBool(true)
	default:
		t.Fatalf("%s is a %s: teach the spool's codec and this test to carry it", path, v.Kind())
	}
}

// diff lists the fields where got differs from want, decimals compared
// by value and exponent (the reports print them as they are).
func diff(got, want reflect.Value, path string, out *[]string) {
	switch {
	case got.Type() == msgType:
		if g, w := got.Interface().(msg.Message), want.Interface().(msg.Message); g != w {
			*out = append(*out, fmt.Sprintf("%s: got %q, want %q", path, g, w))
		}
		return
	case got.Type() == decimalType:
		g, w := got.Interface().(decimal.Decimal), want.Interface().(decimal.Decimal)
		if g.Cmp(w) != 0 || g.Exponent() != w.Exponent() {
			*out = append(*out, fmt.Sprintf("%s: got %s, want %s", path, g, w))
		}
		return
	case got.Type() == timeType:
		g, w := got.Interface().(time.Time), want.Interface().(time.Time)
		if !g.Equal(w) {
			*out = append(*out, fmt.Sprintf("%s: got %s, want %s", path, g, w))
		}
		return
	}
	if got.Kind() == reflect.Struct {
		for i := range got.NumField() {
			diff(got.Field(i), want.Field(i), path+"."+got.Type().Field(i).Name, out)
		}
		return
	}
	if !reflect.DeepEqual(got.Interface(), want.Interface()) {
		*out = append(*out, fmt.Sprintf("%s: got %v, want %v", path, got.Interface(), want.Interface()))
	}
}

// leaves lists the settable leaf fields of v (decimals and times are
// leaves), by path.
func leaves(v reflect.Value, path string, out map[string]reflect.Value) {
	if v.Kind() == reflect.Struct && v.Type() != decimalType && v.Type() != timeType && v.Type() != msgType {
		for i := range v.NumField() {
			leaves(v.Field(i), path+"."+v.Type().Field(i).Name, out)
		}
		return
	}
	out[path] = v
}

// roundTrip writes recs to a spool and reads them back twice (the
// workbook and the JSON each read once), failing on any field that
// differs.
func roundTrip[T any](t *testing.T, s *Spool[T], recs []T) {
	t.Helper()
	defer s.Close()
	for i := range recs {
		s.Add(&recs[i])
	}
	if err := s.Finish(); err != nil {
		t.Fatal(err)
	}
	for pass := range 2 {
		i := 0
		for got := range s.All() {
			var d []string
			diff(reflect.ValueOf(got), reflect.ValueOf(recs[i]), reflect.TypeOf(got).Name(), &d)
			for _, line := range d {
				t.Errorf("pass %d record %d: %s", pass, i, line)
			}
			i++
		}
		if i != len(recs) || s.Err() != nil {
			t.Fatalf("pass %d: read %d of %d records, err %v", pass, i, len(recs), s.Err())
		}
	}
}

// fullEntry is an Entry with every field set. Rate is only meaningful
// with HasRate, so HasRate is true.
func fullEntry(t *testing.T, seed int) ledger.Entry {
	var e ledger.Entry
	n := 0
	fill(t, reflect.ValueOf(&e).Elem(), "Entry", seed, &n)
	return e
}

func TestEveryEntryFieldRoundTrips(t *testing.T) {
	s, err := Entries(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	roundTrip(t, s, []ledger.Entry{fullEntry(t, 1), fullEntry(t, 2)})
}

func TestEveryIssueFieldRoundTrips(t *testing.T) {
	var recs []ledger.Issue
	for seed := 1; seed <= 2; seed++ {
		var is ledger.Issue
		n := 0
		fill(t, reflect.ValueOf(&is).Elem(), "Issue", seed, &n)
		recs = append(recs, is)
	}
	recs = append(recs, ledger.Issue{}, recs[0])
	s, err := Issues(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	roundTrip(t, s, recs)
}

// TestEntryFieldChangesRoundTrip covers the codec's memory of the
// previous record: for every field, a record that changes only that
// field, then one that sets it to zero, then the full record again.
// A field written only when it differs from the previous record's (or
// derived from another field) shows up here.
func TestEntryFieldChangesRoundTrip(t *testing.T) {
	base := fullEntry(t, 1)
	other := fullEntry(t, 2)
	var names []string
	bl := map[string]reflect.Value{}
	leaves(reflect.ValueOf(&base).Elem(), "Entry", bl)
	for name := range bl {
		names = append(names, name)
	}
	recs := []ledger.Entry{base}
	for _, name := range sortedKeys(bl) {
		changed, zeroed := base, base
		cl, zl, ol := map[string]reflect.Value{}, map[string]reflect.Value{}, map[string]reflect.Value{}
		leaves(reflect.ValueOf(&changed).Elem(), "Entry", cl)
		leaves(reflect.ValueOf(&zeroed).Elem(), "Entry", zl)
		leaves(reflect.ValueOf(&other).Elem(), "Entry", ol)
		cl[name].Set(ol[name])
		zl[name].Set(reflect.Zero(zl[name].Type()))
		if name == "Entry.HasRate" {
			// Without a rate the entry carries none.
			zeroed.Rate = ledger.Rate{}
		}
		recs = append(recs, changed, zeroed, base)
	}
	if len(names) < 20 {
		t.Fatalf("only %d fields found", len(names))
	}
	s, err := Entries(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	roundTrip(t, s, recs)
}

func sortedKeys(m map[string]reflect.Value) []string {
	var keys []string
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
