// Command crosscheck reads an investigation's spreadsheets, attributes
// payments to suspects, values seized assets against the target, finds
// suspects who drew citizenship income while earning, and writes one
// Excel workbook a prosecutor can audit.
package main

import (
	"context"
	"errors"
	"fmt"
	"github.com/crosscheck/crosscheck/msg"
	"os"
	"os/signal"
	"runtime/debug"
	"slices"
	"syscall"

	"github.com/crosscheck/crosscheck/outfile"
	"github.com/crosscheck/crosscheck/supervise"
	"github.com/crosscheck/crosscheck/termtext"
	"github.com/spf13/cobra"
)

// version is set at build time with -ldflags "-X main.version=...".
var version = "0.1.0-dev"

// Exit codes, in one place: execute maps every error to one of them, and
// each command's help lists the ones it can give (exitHelp).
const (
	exitOK       = 0
	exitRejected = 1 // rows rejected with --strict, or validate found problems
	// exitUsage: a usage error, or an input that cannot be read at all.
	exitUsage = 2
	// exitInputChanged: an input changed while it was read (its size,
	// modification time or content, or another file in its place).
	exitInputChanged = 2
	// exitNotWritten: an output could not be written (no space, a
	// read-only folder, another run writing it); the previous file is
	// as it was.
	exitNotWritten = 3
	// exitOutOfMemory: the run ran out of memory (an address-space limit,
	// a container's memory limit); the watching parent says so in one
	// line and removes what the run left (package supervise).
	exitOutOfMemory = supervise.ExitOutOfMemory
	// exitInterrupted is 128 + the signal's number, as shells report it:
	// 130 for SIGINT (Ctrl-C), 143 for SIGTERM.
	exitInterrupted = 128
)

// exitError carries an exit code through cobra's error return.
type exitError struct {
	code int
	err  error
}

func (e *exitError) Error() string { return e.err.Error() }
func (e *exitError) Unwrap() error { return e.err }

func withCode(code int, err error) error {
	if err == nil {
		return nil
	}
	return &exitError{code: code, err: err}
}

// exitLines are the help's lines for each exit code.
var exitLines = []struct {
	code int
	line string
}{
	{exitOK, "  0    success"},
	{exitRejected, "  1    inputs have rejected rows and --strict was given, or validate found problems"},
	{exitUsage, "  2    usage error, an input that cannot be read at all, or an input that changed while read"},
	{exitNotWritten, "  3    an output could not be written (no space, read-only folder, another run writing\n       the same output); the previous file is left as it was"},
	{exitOutOfMemory, "  4    out of memory (ulimit -v, a container's limit): nothing is written, the previous\n       outputs are left as they were"},
	{exitInterrupted, "  130  interrupted (Ctrl-C, SIGINT); 143 for SIGTERM: nothing is written, the previous\n       outputs are left as they were and no temporary file remains"},
}

// exitHelp is the EXIT STATUS paragraph of a command's help, listing the
// given codes.
func exitHelp(codes ...int) string {
	s := "\nEXIT STATUS"
	for _, l := range exitLines {
		if slices.Contains(codes, l.code) {
			s += "\n" + l.line
		}
	}
	return s
}

// exitStatusHelp lists every exit code (the root command's help).
var exitStatusHelp = exitHelp(exitOK, exitRejected, exitUsage, exitNotWritten, exitOutOfMemory, exitInterrupted)

func newRootCommand() *cobra.Command {
	root := &cobra.Command{
		Use:   "crosscheck",
		Short: "Cross-check an IPTV-piracy case's payments, seizures and benefit lists",
		Long: `crosscheck reads the spreadsheets of an investigation (payments received by
suspects, suspect lists, seizure records, benefit-recipient lists, exchange
rates), attributes every payment to a suspect, totals illicit income per
suspect in EUR, values what was seized against the case's target, finds the
suspects who drew citizenship income while earning, and writes one Excel
workbook that can be audited line by line.

Start with "crosscheck demo" to see a complete run on a built-in sample case.` + exitStatusHelp,
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.AddCommand(
		newRunCommand(),
		newValidateCommand(),
		newInitCommand(),
		newTemplateCommand(),
		newDemoCommand(),
		newExportCommand(),
		newDossierCommand(),
		newVersionCommand(),
	)
	return root
}

func newVersionCommand() *cobra.Command {
	return &cobra.Command{
		Use:     "version",
		Short:   "Print crosscheck's version",
		Long:    "Print crosscheck's version, the same string the workbook's Sources sheet records.",
		Example: "  crosscheck version",
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			fmt.Fprintf(cmd.OutOrStdout(), "crosscheck %s\n", version)
			return nil
		},
	}
}

func main() {
	// A watching parent turns a death the program cannot handle itself
	// (out of memory) into one line and removes what it left.
	if code, done := supervise.Main(); done {
		os.Exit(code)
	}
	// What stays in memory during a run is long-lived and only grows (a
	// fingerprint per payment reference, the distinct payers per suspect):
	// a lower GC target keeps peak memory near that live size. Measured on
	// the large case, 1M -> 4M payments: the default (100) added 71 bytes
	// of peak RSS per payment, 50 adds 57 and runs the 1M-payment stage at
	// about 710,000 payments/s, 25 adds 45 but costs 15% in speed.
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(50)
	}
	fitAddressSpace()
	ctx, cancel := context.WithCancelCause(context.Background())
	stopOnSignals(cancel)
	code := executeContext(ctx, newRootCommand(), os.Args[1:])
	// Whatever a command left named (a scratch folder, a lock) goes.
	outfile.Cleanup()
	os.Exit(code)
}

// interrupted is the cause of a run stopped by a signal.
type interrupted struct{ sig os.Signal }

func (e *interrupted) Error() string { return "interrupted (" + signalName(e.sig) + ")" }

func (e *interrupted) code() int {
	if s, ok := e.sig.(syscall.Signal); ok {
		return exitInterrupted + int(s)
	}
	return exitInterrupted + 2
}

func signalName(s os.Signal) string {
	switch s {
	case os.Interrupt:
		return "SIGINT"
	case syscall.SIGTERM:
		return "SIGTERM"
	}
	return s.String()
}

// stopOnSignals cancels the run on the first SIGINT or SIGTERM: the
// pipeline stops, temporary files are discarded and the outputs are not
// committed. A second signal ends the process at once; the temporary
// files have no name (see outfile), so nothing is left behind either way.
func stopOnSignals(cancel context.CancelCauseFunc) {
	sigs := make(chan os.Signal, 2)
	signal.Notify(sigs, os.Interrupt, syscall.SIGTERM)
	go func() {
		first := &interrupted{<-sigs}
		supervise.Received(first.sig)
		cancel(first)
		again := &interrupted{<-sigs}
		supervise.Received(again.sig)
		outfile.Cleanup()
		fmt.Fprintf(os.Stderr, "crosscheck: %v again: stopped at once; nothing written\n", again)
		os.Exit(again.code())
	}()
}

// execute runs the command tree without signal handling (tests).
func execute(root *cobra.Command, args []string) int {
	return executeContext(context.Background(), root, args)
}

// executeContext runs the command tree and maps errors to exit codes in
// one place.
func executeContext(ctx context.Context, root *cobra.Command, args []string) int {
	root.SetArgs(args)
	err := root.ExecuteContext(ctx)
	if err == nil {
		return exitOK
	}
	var intr *interrupted
	if errors.As(context.Cause(ctx), &intr) {
		fmt.Fprintf(root.ErrOrStderr(), "crosscheck: %v: nothing written; earlier outputs are as they were\n", intr)
		return intr.code()
	}
	fmt.Fprintln(root.ErrOrStderr(), "crosscheck:", termtext.Escape(msg.ErrorIn(err, errorLang(root, args))))
	var ee *exitError
	switch {
	case errors.Is(err, outfile.ErrNotWritten), errors.Is(err, outfile.ErrLocked):
		return exitNotWritten
	case errors.As(err, &ee):
		return ee.code
	}
	return exitUsage
}
