package reports

import (
	"encoding/json"
	"testing"

	"github.com/crosscheck/crosscheck/ledger"
)

// The hand-written encoders must give encoding/json's bytes exactly.

func TestAppendJSONStringMatchesEncodingJSON(t *testing.T) {
	for _, s := range jsonStringSeeds {
		want, _ := json.Marshal(s)
		if got := appendJSONString(nil, s); string(got) != string(want) {
			t.Errorf("%q: got %s, want %s", s, got, want)
		}
	}
}

var jsonStringSeeds = []string{
	"", "plain", `quote " and \ backslash`, "tab\tnew\nline\rcr\bbs\fff",
	"\x00\x01\x1f\x7f", "<b>&amp;</b>", "città €", "\u2028\u2029", "bad \xff\xfe utf8",
	"truncated \xe2\x82", "emoji 😀", "(withheld: benefit recipient data)",
}

func FuzzAppendJSONString(f *testing.F) {
	for _, s := range jsonStringSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		want, _ := json.Marshal(s)
		if got := appendJSONString(nil, s); string(got) != string(want) {
			t.Errorf("%q: got %s, want %s", s, got, want)
		}
	})
}

func TestAppendIssueMatchesMarshalIndent(t *testing.T) {
	issues := append(testIssues(),
		ledger.Issue{},
		ledger.Issue{Path: "a<b>.csv", Sheet: "Foglio 1", Row: -3, Column: "importo", Value: "1,5\t€", Problem: "not \"a\" number", Note: true},
	)
	for _, is := range issues {
		want, err := marshal(jsonIssue{Path: is.Path, Sheet: is.Sheet, Row: is.Row, Column: is.Column, Value: is.Value, Problem: is.Problem, Note: is.Note}, "    ")
		if err != nil {
			t.Fatal(err)
		}
		if got := appendIssue(nil, &is, "    "); string(got) != string(want) {
			t.Errorf("got\n%s\nwant\n%s", got, want)
		}
	}
}

func TestAppendSuspectMatchesMarshalIndent(t *testing.T) {
	suspects := append(jsonSuspects(testReport("en")),
		jsonSuspect{},
		jsonSuspect{ID: "S9", Role: "boss", Upline: "S1", ByCurrency: map[string]string{}, ByChannel: map[string]string{},
			ByMonth: map[string]string{"2020-02": "1.00", "2020-01": "2.00"}, Downline: []string{"S3", "S2"}, BenefitFlag: "x&y"},
		jsonSuspect{ID: "S8", ByCurrency: map[string]string{"EUR": "1"}, Downline: []string{}},
	)
	if len(suspects) < 4 {
		t.Fatalf("fixture has %d suspects", len(suspects))
	}
	for i := range suspects {
		want, err := marshal(suspects[i], "    ")
		if err != nil {
			t.Fatal(err)
		}
		if got := appendSuspect(nil, &suspects[i], "    "); string(got) != string(want) {
			t.Errorf("got\n%s\nwant\n%s", got, want)
		}
	}
}
