package match

import (
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/crosscheck/crosscheck/ledger"
	"github.com/crosscheck/crosscheck/match/ident"
	"github.com/crosscheck/crosscheck/match/names"
	"github.com/crosscheck/crosscheck/msg"
	"github.com/shopspring/decimal"
)

// Activity is what the benefit cross-check needs from the ledger.
type Activity interface {
	// Span gives the days of the first and last attributed payment of a
	// suspect; ok is false when the suspect has none.
	Span(suspect string) (first, last time.Time, ok bool)
	// IncomeInMonth is the suspect's illicit income in EUR in the
	// calendar month starting at month.
	IncomeInMonth(suspect string, month time.Time) decimal.Decimal
}

// Options tunes the benefit cross-check.
type Options struct {
	// Pivot is the first year of the century window for the birth date
	// of a tax code when no birth date column gives it (0: 1920).
	Pivot int
}

// Roles of a matched person in a benefit application.
const (
	RoleApplicant = "applicant"
	RoleMember    = "household member"
)

// StatusToReview is every new flag's status: the tool proposes, a person
// decides.
const StatusToReview = "to review"

// maxMonths bounds the expansion of a benefit period, so that a mistyped
// year (2020 to 2200) cannot make millions of months.
const maxMonths = 600

// person is a suspect or a recipient as the cross-check compares them.
type person struct {
	taxCode       string // as written, trimmed
	tc            ident.TaxCode
	valid         bool // tc parsed and checked
	surname, name string
	birth         time.Time // from the row, else from a valid tax code
	birthFromCode bool      // then only yy-mm-dd are known for sure
	place         string
	sex           string // from the row, else from a valid tax code
}

// candidate is one recipient record that matched a suspect.
type candidate struct {
	class    Class
	role     string
	rec      person
	ref      ledger.Ref
	evidence []FieldEvidence
	agreed   []string
}

// application is a benefit application concerning at least one suspect.
type application struct {
	best   map[int]*candidate      // suspect index -> strongest match
	months map[int]decimal.Decimal // month number (year*12+month-1) -> EUR
	// paid lists, per month, the first row seen with each amount, to tell
	// a row repeated in an overlapping export from another payment of the
	// month.
	paid map[int][]monthRow
	// programme is the programme of the application's first benefit row
	// (empty: none read yet, or reddito di cittadinanza).
	programme    ledger.Programme
	programmeSet bool
}

// monthRow is the first row seen paying one amount for one month of an
// application.
type monthRow struct {
	amount decimal.Decimal
	ref    ledger.Ref
}

// BenefitMatcher cross-checks suspects against streamed benefit and
// household rows. It keeps only the rows that match a suspect, and the
// payments of the applications they belong to: memory grows with the
// suspects and their matches, not with the recipients.
//
// Matching happens as rows arrive: a row is looked up by its canonical tax
// code (hash map) and by its birth date (the block for name matching:
// yy-mm-dd, so that dates known only from a tax code fall in the same
// block); only the few suspects found are compared. Rows of an
// application that arrive before its first matching row are not kept: the
// pipeline reads households before benefits, and an applicant is the same
// on every row of an application.
type BenefitMatcher struct {
	opt      Options
	suspects []ledger.Suspect
	people   []person
	byCode   map[[15]byte][]int // canonical code without check char -> suspects
	byBirth  map[int][]int      // yy*10000+mm*100+dd -> suspects
	apps     map[string]*application
	issues   []ledger.Issue
	seen     map[string]bool    // issue keys, to report each once
	dups     map[ledger.Ref]int // duplicate rows per source (Path, Sheet)
	rows     int
	kept     int
}

// NewBenefitMatcher indexes the suspects (as returned by
// Attributor.Suspects: ids resolved). Suspect data problems are
// NewAttributor's to report; they are not repeated here.
func NewBenefitMatcher(suspects []ledger.Suspect, opt Options) *BenefitMatcher {
	m := &BenefitMatcher{
		opt:     opt,
		byCode:  map[[15]byte][]int{},
		byBirth: map[int][]int{},
		apps:    map[string]*application{},
		seen:    map[string]bool{},
		dups:    map[ledger.Ref]int{},
	}
	for _, s := range suspects {
		if s.ID == "" {
			s.ID = strings.TrimSpace(s.TaxCode)
		}
		p := m.newPerson(s.TaxCode, s.Surname, s.Name, s.BirthDate, s.BirthPlace, s.Sex)
		i := len(m.suspects)
		m.suspects = append(m.suspects, s)
		m.people = append(m.people, p)
		if p.valid {
			k, _ := codePrefix(p.tc.Canonical)
			m.byCode[k] = append(m.byCode[k], i)
		}
		if !p.birth.IsZero() {
			k := birthKey(p.birth)
			m.byBirth[k] = append(m.byBirth[k], i)
		}
	}
	return m
}

func (m *BenefitMatcher) newPerson(code, surname, name string, birth time.Time, place, sex string) person {
	p := person{taxCode: strings.TrimSpace(code), surname: surname, name: name, birth: birth, place: place,
		sex: strings.ToUpper(strings.TrimSpace(sex))}
	if p.taxCode != "" {
		if tc, err := ident.ParseTaxCode(p.taxCode); err == nil {
			p.tc, p.valid = tc, true
		}
	}
	if p.valid {
		if p.birth.IsZero() {
			p.birth, p.birthFromCode = p.tc.BirthDate(time.Time{}, m.opt.Pivot), true
		}
		if p.sex == "" {
			p.sex = p.tc.Sex
		}
	}
	return p
}

// Stats gives the rows seen by AddHousehold and AddBenefit, and how many
// of them matched a suspect or paid an application that did.
func (m *BenefitMatcher) Stats() (rows, kept int) { return m.rows, m.kept }

// AddHousehold streams one household row. Call it for every household row
// before the first AddBenefit.
func (m *BenefitMatcher) AddHousehold(h ledger.HouseholdMember) {
	m.rows++
	if m.match(h.Ref, h.Application, RoleMember, h.TaxCode, h.Surname, h.Name, h.BirthDate, "") {
		m.kept++
	}
}

// AddBenefit streams one benefit row: the applicant is matched, and the
// row's months are kept when the application concerns a suspect.
func (m *BenefitMatcher) AddBenefit(b ledger.BenefitRow) {
	m.rows++
	matched := m.match(b.Ref, b.Application, RoleApplicant, b.TaxCode, b.Surname, b.Name, b.BirthDate, b.BirthPlace)
	key := strings.TrimSpace(b.Application)
	if key == "" && !matched {
		return
	}
	app := m.apps[appKey(key, b.Ref)]
	if app == nil {
		return
	}
	m.kept++
	m.addMonths(app, b)
}

// appKey is the application id, or the row's place when a matched row has
// none (reported by match).
func appKey(id string, r ledger.Ref) string {
	if id = strings.TrimSpace(id); id != "" {
		return id
	}
	return fmt.Sprintf("%s#%s:%d", r.Path, r.Sheet, r.Row)
}

// match compares one recipient record with the suspects of its code and
// birth-date blocks, and keeps the matches. Nothing about a record that
// matches nobody is kept or reported.
func (m *BenefitMatcher) match(ref ledger.Ref, app, role, code, surname, name string, birth time.Time, place string) bool {
	cands := m.blockOf(code, birth)
	if len(cands) == 0 {
		return false
	}
	r := m.newPerson(code, surname, name, birth, place, "")
	matched := false
	for _, i := range cands {
		class, ok := classify(&m.people[i], &r)
		if !ok {
			continue
		}
		if !matched {
			matched = true
			m.recipientIssues(ref, app, role, &r)
		}
		m.keep(appKey(app, ref), i, &candidate{class: class, role: role, rec: r, ref: ref})
	}
	return matched
}

// blockOf returns the suspects that share the record's canonical tax code
// or its birth date (yy-mm-dd). It allocates only when both blocks hit.
func (m *BenefitMatcher) blockOf(code string, birth time.Time) []int {
	k, shaped := codePrefix(code)
	var byCode []int
	if shaped {
		byCode = m.byCode[k]
	}
	bk, ok := 0, false
	if !birth.IsZero() {
		bk, ok = birthKey(birth), true
	} else if shaped {
		bk, ok = prefixBirthKey(k)
	}
	var byBirth []int
	if ok {
		byBirth = m.byBirth[bk]
	}
	switch {
	case len(byCode) == 0:
		return byBirth
	case len(byBirth) == 0:
		return byCode
	}
	out := slices.Clone(byCode)
	for _, i := range byBirth {
		if !slices.Contains(out, i) {
			out = append(out, i)
		}
	}
	return out
}

// classify applies docs/rules.md#benefit-cross-check: a valid tax code on both sides decides
// alone; otherwise the birth date must agree, and then the names decide
// between probable (same after normalisation) and possible (close).
func classify(s, r *person) (Class, bool) {
	if s.valid && r.valid {
		return ClassExact, s.tc.Canonical == r.tc.Canonical
	}
	if !birthAgrees(s, r) {
		return "", false
	}
	if names.SameName(s.surname, s.name, r.surname, r.name) {
		return ClassProbable, true
	}
	if names.Similarity(s.surname, s.name, r.surname, r.name) >= names.PossibleThreshold {
		return ClassPossible, true
	}
	return "", false
}

// birthAgrees compares two birth dates; a date known only from a tax code
// has no sure century, so then only yy-mm-dd are compared.
func birthAgrees(a, b *person) bool {
	if a.birth.IsZero() || b.birth.IsZero() {
		return false
	}
	if a.birthFromCode || b.birthFromCode {
		return birthKey(a.birth) == birthKey(b.birth)
	}
	return a.birth.Equal(b.birth)
}

// recipientIssues reports the data problems of a record that matched a
// suspect: an invalid tax code, a birth date that disagrees with it, a
// missing application id.
func (m *BenefitMatcher) recipientIssues(ref ledger.Ref, app, role string, r *person) {
	if strings.TrimSpace(app) == "" {
		m.issue(ledger.LevelWarning, ref, "application", "", msg.New(msg.RecipientNoApplication, msg.Term(role)))
	}
	if r.taxCode == "" {
		return
	}
	if !r.valid {
		_, err := ident.ParseTaxCode(r.taxCode)
		m.issue(ledger.LevelWarning, ref, "tax_code", r.taxCode, msg.New(msg.RecipientInvalid, msg.Term(role), msg.Nested(ident.Message(err))))
		return
	}
	if dateOK, _ := r.tc.Agrees(r.birth, ""); !dateOK {
		m.issue(ledger.LevelWarning, ref, "birth_date", r.birth.Format("2006-01-02"),
			msg.New(msg.RecipientBirthDisagrees, msg.Term(role), msg.Text(r.tc.Code)))
	}
}

func (m *BenefitMatcher) issue(level ledger.Level, ref ledger.Ref, field, value string, problem msg.Message) {
	m.add(issueAt(level, ref, field, value, problem))
}

// note is issue for a row set aside as expected (a duplicate), not a
// problem with the data.
func (m *BenefitMatcher) note(ref ledger.Ref, field, value string, problem msg.Message) {
	m.add(issueAt(ledger.LevelNote, ref, field, value, problem))
}

func (m *BenefitMatcher) add(is ledger.Issue) {
	key := fmt.Sprintf("%s\x00%s\x00%d\x00%s\x00%s\x00%s", is.Path, is.Sheet, is.Row, is.Field, is.Msg.Key, is.Msg.Encoded())
	if m.seen[key] {
		return
	}
	m.seen[key] = true
	m.issues = append(m.issues, is)
}

// keep records c as a match of suspect i in the application, keeping the
// strongest per (suspect, application).
func (m *BenefitMatcher) keep(app string, i int, c *candidate) {
	a := m.apps[app]
	if a == nil {
		a = &application{best: map[int]*candidate{}, months: map[int]decimal.Decimal{}, paid: map[int][]monthRow{}}
		m.apps[app] = a
	}
	old := a.best[i]
	if old != nil && old.role == c.role && old.rec == c.rec {
		return // the same record on another month's row
	}
	c.evidence, c.agreed = evidence(&m.people[i], &c.rec)
	if old == nil || better(c, old) {
		a.best[i] = c
	}
}

var classRank = map[Class]int{ClassExact: 3, ClassProbable: 2, ClassPossible: 1}

// better orders two matches of the same suspect and application so that
// the kept one does not depend on the input order: stronger class, then
// the applicant, then more agreeing fields, then the recipient's data.
func better(a, b *candidate) bool {
	if c := cmp.Compare(classRank[a.class], classRank[b.class]); c != 0 {
		return c > 0
	}
	if a.role != b.role {
		return a.role == RoleApplicant
	}
	if c := cmp.Compare(len(a.agreed), len(b.agreed)); c != 0 {
		return c > 0
	}
	ka := fmt.Sprint(a.rec.taxCode, "\x00", a.rec.surname, "\x00", a.rec.name, "\x00", a.rec.birth, "\x00", a.rec.place)
	kb := fmt.Sprint(b.rec.taxCode, "\x00", b.rec.surname, "\x00", b.rec.name, "\x00", b.rec.birth, "\x00", b.rec.place)
	return ka < kb
}

// addMonths adds a benefit row's amount to each month of its period. Rows
// are summed per month: two rows for the same month add up, including a
// row repeated in two files (the benefit agency's lists carry no payment
// reference to tell a repeat from a second payment).
func (m *BenefitMatcher) addMonths(a *application, b ledger.BenefitRow) {
	if b.From.IsZero() {
		m.issue(ledger.LevelRejected, b.Ref, "month", "", msg.New(msg.BenefitNoMonth))
		return
	}
	from := monthNumber(b.From)
	to := from
	if !b.To.IsZero() {
		to = monthNumber(b.To)
	}
	switch {
	case to < from:
		m.issue(ledger.LevelRejected, b.Ref, "to", b.To.Format("2006-01"), msg.New(msg.BenefitBackwards, msg.Month(b.To), msg.Month(b.From)))
		return
	case to-from >= maxMonths:
		m.issue(ledger.LevelRejected, b.Ref, "to", b.To.Format("2006-01"), msg.New(msg.BenefitTooLong, msg.Int(to-from+1)))
		return
	}
	prog := b.Programme.OrDefault()
	if !a.programmeSet {
		a.programme, a.programmeSet = prog, true
	} else if a.programme != prog {
		// One application is one programme: the first row's stands.
		m.issue(ledger.LevelWarning, b.Ref, "programme", string(prog), msg.New(msg.ApplicationProgramme,
			msg.Text(strings.TrimSpace(b.Application)), msg.Text(a.programme.Info().Italian)))
	}
	if out := outOfWindow(a.programme, from, to); len(out) > 0 {
		// Counted as the agency's list says (a person decides), but a month
		// the programme did not pay in is most likely a mistyped date or
		// the wrong programme.
		info := a.programme.Info()
		problem := msg.New(msg.BenefitOutsideWindow, msg.Months(monthsText(out)), msg.Text(info.Italian), msg.Month(info.First), msg.Month(info.Last))
		if info.Last.IsZero() {
			problem = msg.New(msg.BenefitOutsideWindowFrom, msg.Months(monthsText(out)), msg.Text(info.Italian), msg.Month(info.First))
		}
		m.issue(ledger.LevelWarning, b.Ref, "month", periodText(b.From, b.To), problem)
	}
	// A month already paid by another row with the same amount is that
	// payment listed twice (two exports of the agency overlap, or a period
	// row overlaps a monthly one): it is not counted again, so the amount
	// proposed for recovery is never inflated. Another amount is counted
	// (a top-up or arrears can be paid so) and reported; it is remembered
	// too, so that its own repeats are recognised.
	var again []int
	var againOf ledger.Ref
	for n := from; n <= to; n++ {
		rows := a.paid[n]
		if i := slices.IndexFunc(rows, func(r monthRow) bool { return r.amount.Equal(b.MonthlyAmount) }); i >= 0 {
			if len(again) == 0 {
				againOf = rows[i].ref
			}
			again = append(again, n)
			continue
		}
		if len(rows) > 0 {
			m.issue(ledger.LevelWarning, b.Ref, "amount", b.MonthlyAmount.String(), msg.New(msg.BenefitSecondPayment,
				msg.Text(strings.TrimSpace(b.Application)), msg.Month(monthStart(n)), msg.Num(b.MonthlyAmount), msg.Num(rows[0].amount), refArg(rows[0].ref)))
		}
		a.paid[n] = append(rows, monthRow{amount: b.MonthlyAmount, ref: b.Ref})
		a.months[n] = a.months[n].Add(b.MonthlyAmount)
	}
	switch {
	case len(again) == to-from+1:
		m.dups[ledger.Ref{Path: b.Ref.Path, Sheet: b.Ref.Sheet}]++
		m.note(b.Ref, "month", periodText(b.From, b.To), msg.New(msg.BenefitDuplicate, refArg(againOf)))
	case len(again) > 0:
		m.note(b.Ref, "month", periodText(b.From, b.To), msg.New(msg.BenefitMonthsAgain, msg.Months(monthsText(again)), refArg(againOf)))
	}
}

// Duplicates returns how many benefit rows of one source repeated rows
// read before (every month of the row already paid, same amount), so
// the caller can fix Source.Accepted and Source.Duplicates.
func (m *BenefitMatcher) Duplicates(path, sheet string) int {
	return m.dups[ledger.Ref{Path: path, Sheet: sheet}]
}

// refArg is a row of an input as a message argument.
func refArg(r ledger.Ref) msg.Arg { return msg.Ref(r.Path, r.Sheet, r.Row) }

// refText is "file row n" or "file [sheet] row n".
func refText(r ledger.Ref) string {
	if r.Sheet != "" {
		return fmt.Sprintf("%s [%s] row %d", r.Path, r.Sheet, r.Row)
	}
	return fmt.Sprintf("%s row %d", r.Path, r.Row)
}

// monthsText lists month numbers as yyyy-mm, runs of consecutive months
// as first..last.
func monthsText(ns []int) string {
	var parts []string
	for i := 0; i < len(ns); {
		j := i
		for j+1 < len(ns) && ns[j+1] == ns[j]+1 {
			j++
		}
		p := monthStart(ns[i]).Format("2006-01")
		if j > i {
			p += ".." + monthStart(ns[j]).Format("2006-01")
		}
		parts = append(parts, p)
		i = j + 1
	}
	return strings.Join(parts, ", ")
}

// outOfWindow lists the month numbers in from..to outside the months the
// programme paid in (ledger.Programmes).
func outOfWindow(p ledger.Programme, from, to int) []int {
	var out []int
	for n := from; n <= to; n++ {
		if !p.InWindow(monthStart(n)) {
			out = append(out, n)
		}
	}
	return out
}

// periodText is a benefit row's month, or its period when it spans several.
func periodText(from, to time.Time) string {
	if to.IsZero() || monthNumber(to) == monthNumber(from) {
		return from.Format("2006-01")
	}
	return from.Format("2006-01") + ".." + to.Format("2006-01")
}

// monthNumber counts months from year 0, so that month arithmetic across
// year boundaries is plain integer arithmetic.
func monthNumber(t time.Time) int { return t.Year()*12 + int(t.Month()) - 1 }

func monthStart(n int) time.Time {
	return time.Date(n/12, time.Month(n%12+1), 1, 0, 0, 0, 0, time.UTC)
}

// Flags builds one flag per (suspect, application) matched, sorted by
// RecoveryEUR descending, then suspect, then application; and returns the
// issues about matched recipients and their applications' rows. act may be
// nil (no payments): every flag then has no overlap.
func (m *BenefitMatcher) Flags(act Activity) ([]BenefitFlag, []ledger.Issue) {
	var flags []BenefitFlag
	for id, a := range m.apps {
		months := slices.Sorted(mapKeys(a.months))
		for i, c := range a.best {
			flags = append(flags, m.flag(act, m.suspects[i].ID, id, a.programme, c, months, a.months))
		}
	}
	slices.SortFunc(flags, func(x, y BenefitFlag) int {
		if c := y.RecoveryEUR.Cmp(x.RecoveryEUR); c != 0 {
			return c
		}
		if c := cmp.Compare(x.Suspect, y.Suspect); c != 0 {
			return c
		}
		return cmp.Compare(x.Application, y.Application)
	})
	return flags, slices.Clone(m.issues)
}

func mapKeys[K comparable, V any](m map[K]V) func(func(K) bool) {
	return func(yield func(K) bool) {
		for k := range m {
			if !yield(k) {
				return
			}
		}
	}
}

func (m *BenefitMatcher) flag(act Activity, suspect, app string, prog ledger.Programme, c *candidate, months []int, paid map[int]decimal.Decimal) BenefitFlag {
	f := BenefitFlag{
		ID: FlagID(suspect, app), Suspect: suspect, Application: app, Programme: prog.OrDefault(),
		Class: c.class, Role: c.role, Evidence: c.evidence, Agreed: c.agreed,
		BenefitEUR: decimal.Zero, RecoveryEUR: decimal.Zero, IncomeDuringEUR: decimal.Zero,
		Status: StatusToReview,
	}
	lo, hi, active := 0, -1, false
	if act != nil {
		var first, last time.Time
		if first, last, active = act.Span(suspect); active {
			lo, hi = monthNumber(first), monthNumber(last)
		}
	}
	for _, n := range months {
		start := monthStart(n)
		f.Months = append(f.Months, start)
		f.BenefitEUR = f.BenefitEUR.Add(paid[n])
		if active && n >= lo && n <= hi {
			f.OverlapMonths = append(f.OverlapMonths, start)
			f.OverlapEUR = append(f.OverlapEUR, paid[n])
			f.RecoveryEUR = f.RecoveryEUR.Add(paid[n])
			f.IncomeDuringEUR = f.IncomeDuringEUR.Add(act.IncomeInMonth(suspect, start))
		}
	}
	return f
}

// FlagID is the stable id of the flag of a suspect in an application:
// the same across runs and input orders.
func FlagID(suspect, application string) string {
	h := sha256.Sum256([]byte(suspect + "\x00" + application))
	return "F-" + hex.EncodeToString(h[:5])
}

// codePrefix reads a tax code as written (any case, spaces or '-') into
// its first 15 characters in canonical form (omocodia letters mapped back
// to digits), without allocating: the hash key that finds a suspect's
// code among millions of recipients. ok is false when s is not 16 letters
// and digits. It does not validate: ident.ParseTaxCode does, on a hit.
func codePrefix(s string) (k [15]byte, ok bool) {
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == ' ' || c == '-' || c == '\t':
			continue
		case c >= 'a' && c <= 'z':
			c -= 'a' - 'A'
		case (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'):
		default:
			return k, false
		}
		if n < len(k) {
			k[n] = c
		}
		n++
	}
	if n != 16 {
		return k, false
	}
	for _, p := range [7]int{6, 7, 9, 10, 12, 13, 14} {
		if d := strings.IndexByte("LMNPQRSTUV", k[p]); d >= 0 {
			k[p] = '0' + byte(d)
		}
	}
	return k, true
}

// birthKey is a date's block key: yy-mm-dd without the century.
func birthKey(t time.Time) int {
	return t.Year()%100*10000 + int(t.Month())*100 + t.Day()
}

// prefixBirthKey is the block key of the date a canonical code prefix
// encodes.
func prefixBirthKey(k [15]byte) (int, bool) {
	digit := func(c byte) (int, bool) { return int(c - '0'), c >= '0' && c <= '9' }
	y1, ok1 := digit(k[6])
	y2, ok2 := digit(k[7])
	d1, ok3 := digit(k[9])
	d2, ok4 := digit(k[10])
	month := strings.IndexByte("ABCDEHLMPRST", k[8]) + 1
	if !ok1 || !ok2 || !ok3 || !ok4 || month == 0 {
		return 0, false
	}
	day := d1*10 + d2
	if day > 40 {
		day -= 40
	}
	return (y1*10+y2)*10000 + month*100 + day, true
}
