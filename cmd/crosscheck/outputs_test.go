package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/crosscheck/crosscheck/casefile"
	"github.com/crosscheck/crosscheck/ledger"
	"github.com/crosscheck/crosscheck/outfile"
	"github.com/spf13/cobra"
)

func TestCheckOutputsRefusesInputsAndCollisions(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "paypal.xlsx")
	os.WriteFile(in, []byte("x"), 0o600)
	hard := filepath.Join(dir, "hardlink.xlsx")
	if err := os.Link(in, hard); err != nil {
		t.Skip(err)
	}
	os.Mkdir(filepath.Join(dir, "sub"), 0o755)
	os.Symlink(dir, filepath.Join(dir, "via"))
	c := &casefile.Case{
		Path:    filepath.Join(dir, "case.yaml"),
		Inputs:  map[ledger.Kind][]casefile.Input{ledger.KindPayments: {{Path: in + "#Transazioni"}}},
		Reviews: []string{filepath.Join(dir, "reviewed.xlsx")},
	}
	for _, tt := range []struct {
		name string
		outs []output
		want string // "" for accepted
	}{
		{"fresh outputs", []output{{"-o", filepath.Join(dir, "r.xlsx")}, {"--json", filepath.Join(dir, "r.json")}}, ""},
		{"an input named with its sheet", []output{{"-o", in}}, "payments input"},
		{"an input by a hard link", []output{{"-o", hard}}, "payments input"},
		{"an input through a symlinked folder", []output{{"-o", filepath.Join(dir, "via", "paypal.xlsx")}}, "payments input"},
		{"an input spelt with ..", []output{{"-o", filepath.Join(dir, "sub", "..", "paypal.xlsx")}}, "payments input"},
		{"the case file", []output{{"--json", c.Path}}, "case file"},
		{"a reviewed workbook", []output{{"-o", c.Reviews[0]}}, "reviewed workbook"},
		{"both outputs on one file", []output{{"-o", filepath.Join(dir, "r.xlsx")}, {"--json", filepath.Join(dir, "via", "r.xlsx")}}, "name the same file"},
		{"no JSON", []output{{"-o", filepath.Join(dir, "r.xlsx")}, {"--json", ""}}, ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			err := checkOutputs(c, tt.outs...)
			switch {
			case tt.want == "" && err != nil:
				t.Errorf("refused: %v", err)
			case tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want)):
				t.Errorf("err = %v, want one naming %q", err, tt.want)
			case tt.want != "":
				var ee *exitError
				if !errors.As(err, &ee) || ee.code != exitUsage {
					t.Errorf("not a usage error: %v", err)
				}
			}
		})
	}
}

// The error kinds of this issue map to their codes in execute.
func TestExecuteMapsOutputErrorsAndInterrupts(t *testing.T) {
	for _, tt := range []struct {
		name   string
		err    error
		cancel error
		code   int
		line   string
	}{
		{"output not written", &outfile.Error{Path: "/x/report.xlsx", Err: syscall.ENOSPC}, nil, exitNotWritten, "crosscheck: /x/report.xlsx not written: no space left on device\n"},
		{"not written under a usage code", withCode(exitUsage, fmt.Errorf("payments a.csv: %w", outfile.NotWritten("spool file", syscall.EFBIG))), nil, exitNotWritten, "crosscheck: payments a.csv: spool file not written: file too large\n"},
		{"locked", fmt.Errorf("/x/report.json is %w", outfile.ErrLocked), nil, exitNotWritten, "crosscheck: /x/report.json is being written by another crosscheck run\n"},
		{"SIGINT", context.Canceled, &interrupted{os.Interrupt}, 130, "crosscheck: interrupted (SIGINT): nothing written; earlier outputs are as they were\n"},
		{"SIGTERM", errors.New("payments a.csv: whatever the reader said"), &interrupted{syscall.SIGTERM}, 143, "crosscheck: interrupted (SIGTERM): nothing written; earlier outputs are as they were\n"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			ctx, cancel := context.WithCancelCause(context.Background())
			defer cancel(nil)
			if tt.cancel != nil {
				cancel(tt.cancel)
			}
			root := newRootCommand()
			root.AddCommand(&cobra.Command{Use: "fail", RunE: func(*cobra.Command, []string) error { return tt.err }})
			var errb bytes.Buffer
			root.SetOut(io.Discard)
			root.SetErr(&errb)
			if code := executeContext(ctx, root, []string{"fail"}); code != tt.code {
				t.Errorf("exit %d, want %d", code, tt.code)
			}
			if errb.String() != tt.line {
				t.Errorf("stderr %q, want %q", errb.String(), tt.line)
			}
		})
	}
}

// Each command's help lists the exit codes it can give, and only those.
func TestHelpListsTheCommandsExitCodes(t *testing.T) {
	for _, tt := range []struct {
		cmd        string
		has, lacks []string
	}{
		{"run", []string{"\n  0 ", "\n  1 ", "\n  2 ", "\n  3 ", "\n  4 ", "\n  130 "}, nil},
		{"validate", []string{"\n  0 ", "\n  1 ", "\n  2 ", "\n  4 ", "\n  130 "}, []string{"\n  3 "}},
		{"init", []string{"\n  0 ", "\n  2 ", "\n  3 "}, []string{"\n  1 ", "\n  4 ", "\n  130 "}},
		{"template", []string{"\n  0 ", "\n  2 ", "\n  3 "}, []string{"\n  1 ", "\n  4 ", "\n  130 "}},
		{"demo", []string{"\n  0 ", "\n  2 ", "\n  3 ", "\n  4 ", "\n  130 "}, []string{"\n  1 "}},
	} {
		root := newRootCommand()
		var out bytes.Buffer
		root.SetOut(&out)
		root.SetErr(io.Discard)
		execute(root, []string{tt.cmd, "--help"})
		help := out.String()
		if !strings.Contains(help, "EXIT STATUS") {
			t.Errorf("%s --help has no EXIT STATUS", tt.cmd)
		}
		for _, s := range tt.has {
			if !strings.Contains(help, s) {
				t.Errorf("%s --help lacks exit code %q", tt.cmd, strings.TrimSpace(s))
			}
		}
		for _, s := range tt.lacks {
			if strings.Contains(help, s) {
				t.Errorf("%s --help lists exit code %q it cannot give", tt.cmd, strings.TrimSpace(s))
			}
		}
	}
}
