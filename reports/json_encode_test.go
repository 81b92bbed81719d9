package reports

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
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

// manyIssues makes n issues, enough for several chunks of the encoder.
func manyIssues(n int) []ledger.Issue {
	out := make([]ledger.Issue, n)
	for i := range out {
		out[i] = ledger.Issue{Path: "paypal_2.csv", Row: i + 2, Column: "reference", Value: fmt.Sprintf("R%07d", i),
			Problem: fmt.Sprintf("duplicate of paypal_1.csv row %d <same reference>", i+7), Note: i%3 == 0}
	}
	return out
}

func TestJSONIssuesInOrderAcrossChunks(t *testing.T) {
	for _, n := range []int{0, 1, 2, 20000} {
		issues := manyIssues(n)
		r := testReport("en")
		r.Issues = slices.Values(issues)
		var buf bytes.Buffer
		if err := WriteJSON(&buf, r); err != nil {
			t.Fatal(err)
		}
		// The issues part as encoding/json writes it, item by item.
		var want strings.Builder
		want.WriteString(`  "issues": [`)
		for i, is := range issues {
			b, err := marshal(jsonIssue{Path: is.Path, Sheet: is.Sheet, Row: is.Row, Column: is.Column, Value: is.Value, Problem: is.Problem, Note: is.Note}, "    ")
			if err != nil {
				t.Fatal(err)
			}
			if i > 0 {
				want.WriteString(",")
			}
			want.WriteString("\n    ")
			want.Write(b)
		}
		if n > 0 {
			want.WriteString("\n  ")
		}
		want.WriteString("]\n}\n")
		got := buf.String()
		if !strings.HasSuffix(got, want.String()) {
			t.Errorf("%d issues: the document does not end with them in order (%d bytes)", n, len(got))
		}
	}
}

// failAfter fails every write once n bytes went through.
type failAfter struct{ n int }

func (f *failAfter) Write(p []byte) (int, error) {
	if len(p) > f.n {
		return 0, errors.New("disk full")
	}
	f.n -= len(p)
	return len(p), nil
}

func TestJSONWriteErrorStopsTheIssues(t *testing.T) {
	ranged := 0
	r := testReport("en")
	issues := manyIssues(50000)
	r.Issues = func(yield func(ledger.Issue) bool) {
		for _, is := range issues {
			ranged++
			if !yield(is) {
				return
			}
		}
	}
	err := WriteJSON(&failAfter{n: 1 << 20}, r)
	if err == nil || !strings.Contains(err.Error(), "disk full") {
		t.Fatalf("err = %v, want disk full", err)
	}
	// WriteJSON waited for the encoder: ranged is final, and the encoder
	// stopped well before the end.
	if ranged == 0 || ranged == len(issues) {
		t.Errorf("ranged over %d of %d issues", ranged, len(issues))
	}
}
