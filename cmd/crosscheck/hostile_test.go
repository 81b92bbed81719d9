package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// terminalUnsafe lists what must never reach the terminal raw from the
// inputs: escape, bell, NUL, carriage return, C1 CSI and the bidi
// override.
var terminalUnsafe = []string{"\x1b", "\a", "\x00", "\r", "\u009b", "\u202e", "\u2066"}

// writeInput writes an input file of a test's case and returns its path.
func writeInput(t *testing.T, dir, name, text string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

// Text from the inputs reaches stdout and stderr escaped: a cell or a
// file name cannot clear, retitle or reorder the investigator's terminal.
func TestHostileTextIsEscapedOnTheTerminal(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) string { return writeInput(t, dir, name, text) }
	sus := write("suspects.csv", "Id indagato;Cognome;Nome;IBAN\nS01;VERDI\x1b[2J;ANNA\x1b]0:pwned\a;IT60X0542811101000000123456\nS02;\u202eISSOR;Mario\u2066;\n")
	pay := write("pay.csv", "data;importo;valuta;ordinante;iban beneficiario;riferimento\n"+
		"01/02/2020;10,00;EUR;Evil\x1b[31m;IT60X0542811101000000123456;R1\n"+
		"01/02/2020;abc\x1b[2J;EUR;x;IT60X0542811101000000123456;R2\n"+
		"01/02/2020;12,00;EUR;y;\u202eIT99;R3\n")
	rates := write("rates.csv", "date,currency,units_per_eur\n2020-02-01,USD,1.1\n")
	out := filepath.Join(dir, "r.xlsx")
	check := func(what, text string) {
		t.Helper()
		for _, bad := range terminalUnsafe {
			if strings.Contains(text, bad) {
				t.Errorf("%s prints %q raw:\n%s", what, bad, text)
			}
		}
	}
	code, stdout, stderr := runCLI(t, "run", "--suspects", sus, "--payments", pay, "--rates", rates, "-o", out)
	if code != exitOK {
		t.Fatalf("run: exit %d\n%s%s", code, stdout, stderr)
	}
	check("run", stdout+stderr)
	// Control characters were removed from the cells when read (and
	// noted); the bidi override, which is text, is shown escaped.
	if !strings.Contains(stdout, "VERDI[2J ANNA]0:pwned") || !strings.Contains(stdout, `\u202eISSOR`) {
		t.Errorf("run summary does not show the names cleaned and escaped:\n%s", stdout)
	}
	_, stdout, stderr = runCLI(t, "validate", "--suspects", sus, "--payments", pay, "--rates", rates)
	check("validate", stdout+stderr)
	if !strings.Contains(stdout, `\x1b[2J`) {
		t.Errorf("validate does not show the escaped cell:\n%s", stdout)
	}
	// A file name in an error message.
	_, stdout, stderr = runCLI(t, "validate", "--payments", filepath.Join(dir, "missing\x1b]0:x\a.csv"))
	check("an error", stdout+stderr)
	if !strings.Contains(stderr, `missing\x1b]0:x\x07.csv`) {
		t.Errorf("error does not name the file escaped: %q", stderr)
	}
}

// An identifier one typo away from a suspect's is listed, with both and
// the suspect, and never attributed; one whose check digits fail but
// written with spaces still matches.
func TestNearMissesAreListedNotAttributed(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) string { return writeInput(t, dir, name, text) }
	sus := write("suspects.csv", "Id indagato;Cognome;Nome;IBAN\nS01;Rossi;Mario;IT60 X054 2811 1010 0000 0123 456\nS02;Rossi;Mario;IT08 J076 0194 0000 0012 3456 789\n")
	pay := write("pay.csv", "data;importo;valuta;beneficiario;iban beneficiario;riferimento\n"+
		"01/02/2020;10,00;EUR;Rossi Mario;IT61X0542811101000000123456;R1\n"+
		"02/02/2020;11,00;EUR;Rossi Mario;IT60X0542811101000000123465;R2\n"+
		"03/02/2020;12,00;EUR;Rossi Mario;IT08J0760194000000123456789;R3\n")
	// The shared name is a problem: validate exits 1.
	code, stdout, stderr := runCLI(t, "validate", "--suspects", sus, "--payments", pay)
	if code != exitRejected {
		t.Fatalf("validate: exit %d\n%s%s", code, stdout, stderr)
	}
	for _, want := range []string{
		"near miss: IT61X0542811101000000123456 differs from IT60 X054 2811 1010 0000 0123 456, identifier of S01, only by its check digits",
		"near miss: IT60X0542811101000000123465 differs from IT60 X054 2811 1010 0000 0123 456, identifier of S01, only by two adjacent characters swapped",
		"suspect S02: IBAN IT08 J076 0194 0000 0012 3456 789: check digits 08 are wrong", // a note; R3 is attributed all the same
	} {
		if !strings.Contains(stdout, want) {
			t.Errorf("validate lacks %q:\n%s", want, stdout)
		}
	}
	js := filepath.Join(dir, "r.json")
	if code, out, errs := runCLI(t, "run", "--suspects", sus, "--payments", pay, "--json", js, "-q"); code != exitOK {
		t.Fatalf("run: exit %d %s%s", code, out, errs)
	}
	b, _ := os.ReadFile(js)
	text := string(b)
	if n := strings.Count(text, `"near_miss"`); n != 2 {
		t.Errorf("JSON lists %d near misses by reason, want 2:\n%.4000s", n, text)
	}
	if !strings.Contains(text, `"income_eur": "12.00"`) || !strings.Contains(text, `"eur": "21.00"`) {
		t.Errorf("want R3 alone attributed (to S02, by its IBAN written without spaces):\n%.2000s", text)
	}
}
