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

// Text from the inputs reaches stdout and stderr escaped: a cell or a
// file name cannot clear, retitle or reorder the investigator's terminal.
func TestHostileTextIsEscapedOnTheTerminal(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(text), 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
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
