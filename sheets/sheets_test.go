package sheets

import (
	"slices"
	"testing"
)

func TestNames(t *testing.T) {
	if got, want := BenefitFlags.Names(), []string{"Benefit flags", BenefitFlags.Title("it"), "Segnalazioni RdC"}; !slices.Equal(got, want) {
		t.Errorf("Names() = %q, want %q", got, want)
	}
	for _, tt := range []struct {
		name    string
		italian bool
	}{
		{"Benefit flags", false},
		{BenefitFlags.Title("it"), true},
		{"Segnalazioni RdC", true},
		{"Withdrawn flags", false},
	} {
		if got := BenefitFlags.Italian(tt.name); got != tt.italian {
			t.Errorf("Italian(%q) = %v", tt.name, got)
		}
	}
}

// A sheet that repeats another's columns has them with the same header
// and format, in the order asked.
func TestPick(t *testing.T) {
	got := Payments.pick("eur", "source", "nope")
	if len(got) != 3 || got[0].Label != "EUR" || got[0].Format != Euro || got[1].Label != "Source" || got[2].Label != "nope" {
		t.Errorf("pick = %+v", got)
	}
	for _, s := range []*Sheet{&Unattributed, &WithdrawnFlags} {
		for _, c := range s.Columns {
			if c.Label == c.Key {
				t.Errorf("%s: column %q picked from a sheet without it", s.Name, c.Key)
			}
		}
	}
}

func TestIndex(t *testing.T) {
	if i := Payments.Index("eur"); i != 6 || Payments.Headers("en")[i] != "EUR" {
		t.Errorf("Index(eur) = %d", i)
	}
	if i := Payments.Index("nope"); i != -1 {
		t.Errorf("Index(nope) = %d", i)
	}
}

// The workbook's order: review sheets only with reviews, each beside what
// it belongs to.
func TestOrder(t *testing.T) {
	plain := []string{"Summary", "Suspects", "Payments", "Unattributed", "Assets", "Benefit flags", "Network", "Timeline", "Data issues", "Sources", "Rates used"}
	if got := Order(false); !slices.Equal(got, plain) {
		t.Errorf("Order(false) = %q, want %q", got, plain)
	}
	reviewed := slices.Insert(slices.Clone(plain), 6, "Withdrawn flags")
	reviewed = append(reviewed, "Review log")
	if got := Order(true); !slices.Equal(got, reviewed) {
		t.Errorf("Order(true) = %q, want %q", got, reviewed)
	}
}
