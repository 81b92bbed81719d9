package main

import (
	"context"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/crosscheck/crosscheck"
	"github.com/crosscheck/crosscheck/casefile"
	"github.com/crosscheck/crosscheck/msg"
	"github.com/crosscheck/crosscheck/outfile"
	"github.com/crosscheck/crosscheck/reports"
	"github.com/spf13/cobra"
)

func newDemoCommand() *cobra.Command {
	var lang string
	cmd := &cobra.Command{
		Use:   "demo [DIR]",
		Short: "Write the built-in sample case and run it",
		Long: `demo writes a small synthetic case (a pyramid IPTV organisation with bank,
Postepay, PayPal and crypto payments, seizure records, benefit lists and
exchange rates; every name and code in it is invented) into DIR (default
./crosscheck-demo), runs it and writes DIR/report.xlsx and DIR/report.json.
It is the quickest way to see what crosscheck produces. The sample is built
into the binary, so demo works from an installed crosscheck too.` + exitHelp(exitOK, exitUsage, exitNotWritten, exitOutOfMemory, exitInterrupted),
		Example: `  crosscheck demo
  crosscheck demo /tmp/sample --lang it`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			dir := "crosscheck-demo"
			if len(args) == 1 {
				dir = args[0]
			}
			return runDemo(cmd.Context(), dir, lang, cmd.OutOrStdout(), cmd.ErrOrStderr())
		},
	}
	cmd.Flags().StringVar(&lang, "lang", "", "report language: en or it (default: the sample's)")
	return cmd
}

func runDemo(ctx context.Context, dir, lang string, stdout, stderr io.Writer) error {
	if err := writeSample(dir); err != nil {
		return withCode(exitUsage, err)
	}
	c, err := casefile.Load(filepath.Join(dir, "case.yaml"))
	if err != nil {
		return withCode(exitUsage, err)
	}
	if lang != "" {
		if lang != "en" && lang != "it" {
			return usageErr(msg.ErrLang, msg.Text(lang))
		}
		c.Lang = lang
	}
	out := filepath.Join(dir, "report.xlsx")
	js := filepath.Join(dir, "report.json")
	o := &runOptions{out: out, json: js, stdout: stdout, stderr: stderr, noPaths: true}
	if err := runRun(ctx, c, o); err != nil {
		return err
	}
	lang = c.Lang
	fmt.Fprintf(stdout, "\n%s\n\n", msg.New(msg.CLIDemoWritten, msg.Text(dir)).In(lang))
	writePaths(stdout, lang, "  ",
		pathLine{"Workbook", out, msg.New(msg.CLIOpenWorkbook, msg.Term("Summary"))},
		pathLine{"Payments", reports.DetailPath(out, lang), msg.New(msg.CLIDetailNamed, msg.Term("Sources"))},
		pathLine{"JSON", js, msg.Message{}},
		pathLine{"Inputs", filepath.Join(dir, "case.yaml"), msg.New(msg.CLICaseFileLists)})
	fmt.Fprintf(stdout, "\n%s\n  crosscheck run --case %s -o report.xlsx --json report.json\n", msg.New(msg.CLIRunAgain).In(lang), filepath.Join(dir, "case.yaml"))
	// From a source checkout there is no crosscheck command yet: say how
	// to get one.
	fmt.Fprintln(stdout, msg.New(msg.CLINoCommand).In(lang))
	return nil
}

// writeSample copies the embedded sample case into dir.
func writeSample(dir string) error {
	root := "testdata/sample"
	return fs.WalkDir(crosscheck.Sample, root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, p)
		dst := filepath.Join(dir, rel)
		if d.IsDir() {
			return os.MkdirAll(dst, 0o755)
		}
		data, err := fs.ReadFile(crosscheck.Sample, p)
		if err != nil {
			return err
		}
		if err := outfile.WriteFile(dst, outfile.Private, func(w io.Writer) error {
			_, err := w.Write(data)
			return err
		}); err != nil {
			return fmt.Errorf("write sample: %w", err)
		}
		return nil
	})
}
