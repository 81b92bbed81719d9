package ledger

// attributor is what match.Attributor does for Post, faked in the tests.
type attributor interface {
	Attribute(p *Payment) (suspect string, rule Rule, by string)
}

// testLedger posts one payment at a time, synchronously, attributed by
// attr (nil: by nobody): what most tests need to see one rule at work.
type testLedger struct {
	*Ledger
	attr attributor
}

func newTestLedger(suspects []Suspect, rates *Rates, attr attributor) *testLedger {
	return &testLedger{Ledger: New(suspects, rates, Options{}), attr: attr}
}

func attribution(attr attributor, p *Payment) Attribution {
	var a Attribution
	if attr != nil {
		a.Suspect, a.Rule, a.By = attr.Attribute(p)
	}
	return a
}

// Post posts p as Post would, and returns its Entry and issues.
func (t *testLedger) Post(p *Payment, issues []Issue) (Entry, []Issue) {
	ps := Posting{Payment: *p, Attribution: attribution(t.attr, p)}
	var e Entry
	issues = t.postOne(&e, &ps, issues)
	return e, issues
}
