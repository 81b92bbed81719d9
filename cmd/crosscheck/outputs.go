package main

import (
	"github.com/crosscheck/crosscheck/msg"
	"os"
	"path/filepath"
	"strings"

	"github.com/crosscheck/crosscheck/casefile"
	"github.com/crosscheck/crosscheck/ledger"
	"github.com/crosscheck/crosscheck/outfile"
)

// output is a file a command is asked to write, with the flag that named
// it (for the message).
type output struct {
	flag, path string
}

// checkOutputs refuses, before anything is read, an output that is one of
// the case's inputs, its case file, a reviewed workbook, or another
// output: writing it would destroy evidence or one of the two reports.
func checkOutputs(c *casefile.Case, outs ...output) error {
	type named struct {
		what msg.Message
		path string
	}
	var ins []named
	if c.Path != "" {
		ins = append(ins, named{msg.New(msg.ErrWhatCaseFile), c.Path})
	}
	for _, k := range ledger.Kinds {
		for _, in := range c.Inputs[k] {
			ins = append(ins, named{msg.New(msg.ErrWhatInput, msg.Text(string(k))), in.Path})
			// "book.xlsx#Sheet" is the file book.xlsx.
			if i := strings.LastIndexByte(in.Path, '#'); i > 0 {
				ins = append(ins, named{msg.New(msg.ErrWhatInput, msg.Text(string(k))), in.Path[:i]})
			}
		}
	}
	for _, r := range c.Reviews {
		ins = append(ins, named{msg.New(msg.ErrWhatReviewed), r})
	}
	for i, o := range outs {
		if o.path == "" {
			continue
		}
		for _, in := range ins {
			if samePath(o.path, in.path) {
				return usageErr(msg.ErrOverwriteIn, msg.Text(o.flag), msg.Text(o.path), msg.Nested(in.what))
			}
		}
		for _, p := range outs[:i] {
			if p.path != "" && samePath(o.path, p.path) {
				return usageErr(msg.ErrSameFile, msg.Text(p.flag), msg.Text(o.flag), msg.Text(o.path))
			}
		}
	}
	return nil
}

// samePath reports whether a and b are one file: the same cleaned
// absolute path (folders' symlinks resolved), or, when both exist, the
// same file by device and inode (hard links, symlinks, a case-insensitive
// disk).
func samePath(a, b string) bool {
	if canonical(a) == canonical(b) {
		return true
	}
	sa, errA := os.Stat(a)
	sb, errB := os.Stat(b)
	return errA == nil && errB == nil && os.SameFile(sa, sb)
}

func canonical(p string) string {
	abs, err := filepath.Abs(p)
	if err != nil {
		return filepath.Clean(p)
	}
	if dir, err := filepath.EvalSymlinks(filepath.Dir(abs)); err == nil {
		return filepath.Join(dir, filepath.Base(abs))
	}
	return abs
}

// openOutputs locks and starts the outputs (empty paths are skipped),
// before the case is read: a second run writing the same files, or a
// folder where nothing can be written, fails at once. Nothing appears at
// the paths until commit; done releases the locks and discards every
// output not committed.
func openOutputs(outs ...output) (files []*outfile.File, commit func() error, done func(), err error) {
	var paths []string
	for _, o := range outs {
		if o.path != "" {
			paths = append(paths, o.path)
		}
	}
	release, err := outfile.Lock(paths...)
	if err != nil {
		return nil, nil, nil, err
	}
	done = func() {
		for _, f := range files {
			if f != nil {
				f.Abort()
			}
		}
		release()
	}
	for _, o := range outs {
		if o.path == "" {
			files = append(files, nil)
			continue
		}
		f, err := outfile.Create(o.path, outfile.Private)
		if err != nil {
			done()
			return nil, nil, nil, err
		}
		files = append(files, f)
	}
	// The outputs are committed as one, once all are complete: if one
	// cannot be put in place, those already put are put back.
	commit = func() error { return outfile.CommitAll(files...) }
	return files, commit, done, nil
}
