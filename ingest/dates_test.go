package ingest

import (
	"strings"
	"testing"
	"time"
)

func TestDateOrderPerColumn(t *testing.T) {
	for _, tc := range []struct {
		name  string
		dates []string
		want  []string // yyyy-mm-dd, or "reject: ..." prefix
	}{
		{"day first proved", []string{"01/10/2020", "13/10/2020"}, []string{"2020-10-01", "2020-10-13"}},
		{"US month first proved later in the column", []string{"10/01/2020", "10/02/2020", "10/13/2020"}, []string{"2020-10-01", "2020-10-02", "2020-10-13"}},
		{"nothing tells: day first", []string{"01/10/2020", "02/10/2020"}, []string{"2020-10-01", "2020-10-02"}},
		{"both orders: ambiguous rejected", []string{"13/10/2020", "10/13/2020", "01/10/2020", "05/05/2020"},
			[]string{"2020-10-13", "2020-10-13", "reject: the column has day-first (row 2: 13/10/2020) and month-first (row 3: 10/13/2020)", "2020-05-05"}},
		{"ISO and timestamps", []string{"2020-10-13", "2020-10-13T23:30:00Z", "1602630000", "1602630000000"}, []string{"2020-10-13", "2020-10-14", "2020-10-14", "2020-10-14"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			text := "Data;Importo\n"
			for _, d := range tc.dates {
				text += d + ";10,00\n"
			}
			c := readPayments(Input{Path: writeBytes(t, "p.csv", []byte(text))})
			if c.err != nil {
				t.Fatal(c.err)
			}
			checkAccounting(t, c.sources)
			for i, want := range tc.want {
				row := i + 2
				if strings.HasPrefix(want, "reject: ") {
					is := issueAt(c.issues, row)
					if is == nil || !strings.HasPrefix(is.Msg.String(), strings.TrimPrefix(want, "reject: ")) {
						t.Errorf("row %d: issue %+v, want %q", row, is, want)
					}
					continue
				}
				found := false
				for _, p := range c.rows {
					if p.Ref.Row == row {
						found = true
						if got := p.Date.Format(time.DateOnly); got != want {
							t.Errorf("row %d (%s): %s, want %s", row, tc.dates[i], got, want)
						}
					}
				}
				if !found {
					t.Errorf("row %d (%s) not read: %+v", row, tc.dates[i], issueAt(c.issues, row))
				}
			}
		})
	}
}

func TestDateOrderBeyondTheSample(t *testing.T) {
	var b strings.Builder
	b.WriteString("Data;Importo\n")
	for i := 0; i < notationSampleRows+5; i++ {
		b.WriteString("01/02/2020;1,00\n")
	}
	b.WriteString("02/13/2020;1,00\n")
	c := readPayments(Input{Path: writeBytes(t, "late.csv", []byte(b.String()))})
	if c.err != nil {
		t.Fatal(c.err)
	}
	is := issueAt(c.issues, notationSampleRows+7)
	if is == nil || !strings.Contains(is.Msg.String(), "earlier dates that read either way may be wrong") {
		t.Fatalf("late month-first date: %+v", is)
	}
}

func TestInitStatesTheDateOrder(t *testing.T) {
	cls, err := Classify(writeBytes(t, "us.csv", []byte("Date,Name,Gross\n10/13/2020,Ann,5.00\n10/01/2020,Bo,6.00\n")))
	if err != nil || len(cls) != 1 {
		t.Fatal(cls, err)
	}
	if !strings.Contains(cls[0].Detail, `dates in "Date" are month first, US style (row 2: 10/13/2020)`) {
		t.Fatalf("detail %q", cls[0].Detail)
	}
}

func TestParseDateAsUTC(t *testing.T) {
	d, err := parseDateAs("2020-10-13 23:30:00", dateStyle{utc: true})
	if err != nil || d.Format(time.DateOnly) != "2020-10-14" {
		t.Fatalf("UTC 23:30 on 13 October is the 14th in Rome: %v %v", d, err)
	}
	d, err = parseDateAs("2020-10-13 23:30:00", dateStyle{})
	if err != nil || d.Format(time.DateOnly) != "2020-10-13" {
		t.Fatalf("no zone: the day as written: %v %v", d, err)
	}
}

func FuzzDateStyles(f *testing.F) {
	for _, s := range []string{"10/13/2020", "13/10/2020", "1/2/20 10:00", "2020-10-13 23:30:00", "1602630000", "1602630000000", "2020-10-13T23:30:00+02:00", "45000", "Jan. 05, 2021, 03:04 PM", "5 genn. 2021", "2021-Jan-05 10:00 CET"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		cd := &columnDates{header: "Date"}
		cd.observe(s, "", 2)
		cd.decide()
		cd.describe(1)
		for _, st := range []dateStyle{{}, {monthFirst: true}, {utc: true}, {date1904: true, monthFirst: true, utc: true}} {
			d, err := parseDateAs(s, st)
			if err == nil && (d.Hour() != 0 || d.Location() != time.UTC) {
				t.Fatalf("%q %+v: %v is not a UTC midnight", s, st, d)
			}
		}
		if a, b, ok := numericDayMonth(s); ok {
			d1, err1 := parseDateAs(s, dateStyle{})
			d2, err2 := parseDateAs(s, dateStyle{monthFirst: true})
			if a == b && (err1 == nil) != (err2 == nil) {
				t.Fatalf("%q: day and month equal but the orders disagree: %v %v", s, err1, err2)
			}
			if a == b && err1 == nil && !d1.Equal(d2) {
				t.Fatalf("%q: %v vs %v", s, d1, d2)
			}
		}
	})
}

// TestOneDateOrder: the order an "auto" profile reads its dates in comes
// from the same evidence as any table's date column.
func TestOneDateOrder(t *testing.T) {
	type row struct{ date, zone string }
	for _, c := range []struct {
		name      string
		rows      []row
		order     dateOrder
		autoOrder string
		why       string
	}{
		{"day above 12", []row{{"01/02/2020", ""}, {"13/02/2020", ""}}, orderDayFirst, "dmy", "values such as 13/02/2020"},
		{"month first", []row{{"01/02/2020", "CET"}, {"02/13/2020 10:00", "CET"}}, orderMonthFirst, "mdy", "values such as 02/13/2020 10:00"},
		{"US zones", []row{{"01/02/2020", "PDT"}, {"03/04/2020", "America/New_York"}}, orderMonthFirst, "mdy", "no day above 12; the time-zone column names US zones"},
		{"US and other zones", []row{{"01/02/2020", "PDT"}, {"03/04/2020", "CET"}}, orderUnknown, "dmy", "no day above 12 and no US time zone: day first assumed"},
		{"value beats zone", []row{{"13/02/2020", "PDT"}}, orderDayFirst, "dmy", "values such as 13/02/2020"},
		{"year first", []row{{"2020-02-01 10:00:00", ""}, {"2020-02-13", ""}}, orderUnknown, "ymd", "year-first dates such as 2020-02-01 10:00:00"},
		{"year first and day first", []row{{"2020-02-01", ""}, {"13/02/2020", ""}}, orderDayFirst, "dmy", "values such as 13/02/2020"},
		{"both", []row{{"13/02/2020", ""}, {"02/13/2020", ""}}, orderConflict, "dmy", "the column mixes day first (row 2: 13/02/2020) and month first (row 3: 02/13/2020): dates that read either way are rejected, the others read as they prove"},
		{"nothing", nil, orderUnknown, "dmy", "no day above 12 and no US time zone: day first assumed"},
	} {
		cd := &columnDates{header: "Date"}
		for i, r := range c.rows {
			cd.observe(r.date, r.zone, i+2)
		}
		cd.decide()
		order, why := autoOrder(cd)
		if cd.order != c.order || order != c.autoOrder || why.String() != c.why {
			t.Errorf("%s: order %d, auto %s (%s); want %d, %s (%s)", c.name, cd.order, order, why, c.order, c.autoOrder, c.why)
		}
	}
}

// A date that contradicts a column read month first for its US time
// zones says so.
func TestDayFirstInUSZoneColumn(t *testing.T) {
	cd := &columnDates{header: "Date"}
	cd.observe("01/02/2020", "PST", 2)
	cd.decide()
	if p := cd.check(0, "13/02/2020", 13, 2); p == nil || !strings.Contains(p.msg.String(), "US zones") {
		t.Fatalf("check = %+v", p)
	}
	if p := cd.check(0, "02/13/2020", 2, 13); p != nil {
		t.Fatalf("a month-first date rejected: %+v", p)
	}
}

// Dates whose month is a name, English or Italian, in every table and
// every profile order; a time with a zone, or under a UTC header, moves
// the day to Rome's.
func TestMonthNameDates(t *testing.T) {
	for _, c := range []struct {
		in       string
		utc      bool
		want     string
		wantProf string // read by a profile whose zone is UTC
	}{
		{"Jan. 05, 2021, 03:04 PM", false, "2021-01-05", "2021-01-05"},
		{"Jan. 05, 2021, 11:30 PM", false, "2021-01-05", "2021-01-06"},
		{"Jan. 05, 2021, 11:30 PM", true, "2021-01-06", "2021-01-06"},
		{"Sept. 9, 2021, 12:30 AM", false, "2021-09-09", "2021-09-09"},
		{"January 5, 2021", false, "2021-01-05", "2021-01-05"},
		{"5 genn. 2021", false, "2021-01-05", "2021-01-05"},
		{"5 gennaio 2021", false, "2021-01-05", "2021-01-05"},
		{"05-GEN-21", false, "2021-01-05", "2021-01-05"},
		{"05/set/2020", false, "2020-09-05", "2020-09-05"},
		{"2021-Jan-05", false, "2021-01-05", "2021-01-05"},
		{"6 nov 2020 23:30 UTC", false, "2020-11-07", "2020-11-07"},
		{"Mar. 32, 2021", false, "", ""},
		{"5 gen 2021 later", false, "", ""},
		{"5 foo 2021", false, "", ""},
		{"Jan 5", false, "", ""},
	} {
		got := ""
		if d, err := parseDateAs(c.in, dateStyle{utc: c.utc}); err == nil {
			got = d.Format(time.DateOnly)
		}
		prof := ""
		if d, err := parseProfileDate(c.in, "dmy", time.UTC, ""); err == nil {
			prof = d.Format(time.DateOnly)
		}
		if got != c.want || prof != c.wantProf {
			t.Errorf("%q (utc %v): table %q, profile %q; want %q, %q", c.in, c.utc, got, prof, c.want, c.wantProf)
		}
	}
}
