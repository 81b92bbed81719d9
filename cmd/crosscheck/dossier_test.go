package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestDossierCommand(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "demo")
	if code, _, errs := runCLI(t, "demo", dir); code != 0 {
		t.Fatalf("demo: %s", errs)
	}
	c := filepath.Join(dir, "case.yaml")
	out := filepath.Join(dir, "dossiers")
	code, stdout, errs := runCLI(t, "dossier", "--case", c, "--out", out, "--suspect", "S01,S06", "--lang", "it")
	if code != 0 || !strings.Contains(stdout, "2 schede scritte") {
		t.Fatalf("exit %d: %s %s", code, stdout, errs)
	}
	for _, id := range []string{"S01", "S06"} {
		b, err := os.ReadFile(filepath.Join(out, "dossier-"+id+".pdf"))
		if err != nil || !strings.HasPrefix(string(b), "%PDF-") {
			t.Errorf("dossier of %s: %v", id, err)
		}
	}
	for _, args := range [][]string{
		{"--all", "--flagged"}, // two selections
		{},                     // none
		{"--suspect", "S99"},   // unknown suspect
	} {
		a := append([]string{"dossier", "--case", c, "--out", out}, args...)
		if code, _, errs := runCLI(t, a...); code != exitUsage {
			t.Errorf("%v: exit %d (%s), want 2", args, code, errs)
		}
	}
}
