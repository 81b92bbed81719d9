package ingest

import (
	"strconv"
	"strings"
	"time"

	"github.com/crosscheck/crosscheck/msg"
)

// Date order is decided per column from its values, one mechanism for
// every table (generic headers and export profiles whose order is
// "auto"): 13/10/2020 can only be day first, 10/13/2020 only month first
// (US exports). A column whose values prove neither is month first when
// a time-zone column beside it names only US zones (PayPal's US
// download), else day first, as Italian exports write. A column where
// both occur is not guessed: its dates that could be read either way are
// rejected, citing a row of each kind; the others are read in the order
// they prove.

type dateOrder uint8

const (
	orderUnknown    dateOrder = iota // no value tells: read day first
	orderDayFirst                    // a value such as 13/10/2020
	orderMonthFirst                  // a value such as 10/13/2020, or US time zones
	orderConflict                    // both occur
)

// dateStyle tells parseDateAs how one column writes its dates.
type dateStyle struct {
	date1904   bool
	monthFirst bool
	// utc: timestamps without a zone are UTC (the header says so, as in
	// Etherscan's "DateTime (UTC)"); the day is then taken in Rome.
	utc bool
}

// columnDates is what a table learnt of one date column.
type columnDates struct {
	header           string
	order            dateOrder
	utc              bool
	dayRow, monthRow int // first rows proving each order
	dayVal, monthVal string
	ambiguous        int // numeric dates whose day and month are both <= 12
	numeric          int // numeric day/month dates seen
	iso, unix        int
	isoVal           string // the first year-first value
	// usZones and otherZones count the time zones written beside the
	// day/month dates (a zone column); byZone: month first because of
	// them, no value proving either order.
	usZones, otherZones int
	byZone              bool
}

// numericDayMonth reads the first two numbers of a dd/mm/yyyy-like cell.
func numericDayMonth(s string) (a, b int, ok bool) {
	a, i := readInt(s, 0, 2)
	if i == 0 || i >= len(s) || !isDateSep(s[i]) {
		return 0, 0, false
	}
	sep := s[i]
	b, j := readInt(s, i+1, 2)
	if j == i+1 || j >= len(s) || s[j] != sep {
		return 0, 0, false
	}
	_, k := readInt(s, j+1, 4)
	if nd := k - j - 1; nd != 2 && nd != 4 {
		return 0, 0, false
	}
	return a, b, true
}

// observe records what one value tells about the column's order; zone is
// the row's time-zone cell ("" without a zone column).
func (cd *columnDates) observe(s, zone string, row int) {
	s = strings.TrimSpace(s)
	a, b, ok := numericDayMonth(s)
	if !ok {
		if _, isUnix := unixDate(s); isUnix {
			cd.unix++
		} else if y, i := readInt(s, 0, 4); i == 4 && y > 0 {
			if cd.iso == 0 {
				cd.isoVal = s
			}
			cd.iso++
		}
		return
	}
	cd.numeric++
	if z := strings.ToLower(strings.TrimSpace(zone)); z != "" {
		if usZones[z] || strings.HasPrefix(z, "america/") {
			cd.usZones++
		} else {
			cd.otherZones++
		}
	}
	switch {
	case a > 12 && b <= 12 && cd.dayRow == 0:
		cd.dayRow, cd.dayVal = row, s
	case b > 12 && a <= 12 && cd.monthRow == 0:
		cd.monthRow, cd.monthVal = row, s
	case a <= 12 && b <= 12 && a != b:
		cd.ambiguous++
	}
}

func (cd *columnDates) decide() {
	switch {
	case cd.dayRow > 0 && cd.monthRow > 0:
		cd.order = orderConflict
	case cd.dayRow > 0:
		cd.order = orderDayFirst
	case cd.monthRow > 0:
		cd.order = orderMonthFirst
	case cd.usZones > 0 && cd.otherZones == 0:
		cd.order, cd.byZone = orderMonthFirst, true
	default:
		cd.order = orderUnknown
	}
}

// usZones are time-zone names whose exports write the month first.
var usZones = map[string]bool{"pst": true, "pdt": true, "mst": true, "mdt": true, "cst": true, "cdt": true,
	"est": true, "edt": true, "akst": true, "akdt": true, "hst": true}

// describe states the decision, for the case file init writes ("" when
// the column has no day/month dates).
func (cd *columnDates) describe(looked int) msg.Message {
	// %q quoting as before: the catalogue's texts put the header in plain
	// double quotes around this.
	q := strconv.Quote(cd.header)
	h := q[1 : len(q)-1]
	switch cd.order {
	case orderConflict:
		return msg.New(msg.DatesConflict, msg.Text(h), msg.Int(cd.dayRow), msg.Text(cd.dayVal), msg.Int(cd.monthRow), msg.Text(cd.monthVal))
	case orderDayFirst:
		return msg.New(pick(cd.utc, msg.DatesDayFirstUTC, msg.DatesDayFirst), msg.Text(h), msg.Int(cd.dayRow), msg.Text(cd.dayVal))
	case orderMonthFirst:
		if cd.byZone {
			return msg.New(pick(cd.utc, msg.DatesByZoneUTC, msg.DatesByZone), msg.Text(h))
		}
		return msg.New(pick(cd.utc, msg.DatesMonthFirstUTC, msg.DatesMonthFirst), msg.Text(h), msg.Int(cd.monthRow), msg.Text(cd.monthVal))
	}
	switch {
	case cd.ambiguous > 0:
		return msg.New(msg.DatesAmbiguous, msg.Text(h), msg.Int(looked))
	case cd.unix > 0:
		return msg.New(msg.DatesUnix, msg.Text(h))
	case cd.utc:
		return msg.New(msg.DatesUTC, msg.Text(h))
	}
	return msg.Message{}
}

func pick(c bool, yes, no msg.Key) msg.Key {
	if c {
		return yes
	}
	return no
}

// isDateField lists the fields holding a day.
func isDateField(name string) bool {
	return name == "date" || strings.HasSuffix(name, "_date")
}

// headerSaysUTC reports a header naming the UTC zone ("DateTime (UTC)",
// "UTC_Time", "Time (GMT)").
func headerSaysUTC(h string) bool {
	for _, w := range strings.FieldsFunc(strings.ToUpper(h), func(r rune) bool { return !(r >= 'A' && r <= 'Z') }) {
		if w == "UTC" || w == "GMT" {
			return true
		}
	}
	return false
}

// dateColumns learns the order of every date column from rows; the
// result is indexed by column (nil: not a date column).
func dateColumns(m *matcher, h *header, rows []bufferedRow) []*columnDates {
	var out []*columnDates
	zoneCol := -1
	for i, fl := range m.fields {
		if fl.Name == "zone" {
			zoneCol = h.cols[i]
		}
	}
	for i, fl := range m.fields {
		c := h.cols[i]
		if c < 0 || !isDateField(fl.Name) {
			continue
		}
		cd := &columnDates{header: strings.TrimSpace(h.cells[c])}
		cd.utc = headerSaysUTC(cd.header)
		for _, b := range rows {
			if b.err == nil {
				cd.observe(cell(b.rec, c), cell(b.rec, zoneCol), b.row)
			}
		}
		cd.decide()
		for len(out) <= c {
			out = append(out, nil)
		}
		out[c] = cd
	}
	return out
}

// date reads an optional date cell in its column's order: zero time when
// empty.
func (t *table) date(rec []string, col int) (time.Time, *problem) {
	s := cell(rec, col)
	if s == "" {
		return time.Time{}, nil
	}
	style := dateStyle{date1904: t.date1904}
	if col >= 0 && col < len(t.dates) && t.dates[col] != nil {
		cd := t.dates[col]
		style.utc = cd.utc
		if a, b, ok := numericDayMonth(s); ok {
			if p := cd.check(col, s, a, b); p != nil {
				return time.Time{}, p
			}
			style.monthFirst = cd.order == orderMonthFirst || (cd.order == orderConflict && b > 12)
		}
	}
	d, err := parseDateAs(s, style)
	if err != nil {
		return time.Time{}, rejectMsg(col, s, msg.NotADateExpected)
	}
	return d, nil
}

// check rejects a day/month date the column's order cannot read with
// certainty.
func (cd *columnDates) check(col int, s string, a, b int) *problem {
	switch cd.order {
	case orderConflict:
		if a <= 12 && b <= 12 && a != b {
			return rejectMsg(col, s, msg.DateOrderConflict,
				msg.Int(cd.dayRow), msg.Text(cd.dayVal), msg.Int(cd.monthRow), msg.Text(cd.monthVal), msg.Text(s))
		}
	case orderDayFirst:
		if b > 12 && a <= 12 {
			return rejectMsg(col, s, msg.DateMonthFirst, msg.Int(cd.dayRow), msg.Text(cd.dayVal))
		}
	case orderMonthFirst:
		if a > 12 && b <= 12 && cd.byZone {
			return rejectMsg(col, s, msg.DateDayFirstZone)
		}
		if a > 12 && b <= 12 {
			return rejectMsg(col, s, msg.DateDayFirst, msg.Int(cd.monthRow), msg.Text(cd.monthVal))
		}
	case orderUnknown:
		if b > 12 && a <= 12 {
			return rejectMsg(col, s, msg.DateMonthFirstLate)
		}
	}
	return nil
}
