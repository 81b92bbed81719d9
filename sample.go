package crosscheck

import "embed"

// Sample is the built-in sample case, a small synthetic pyramid IPTV
// organisation ("The Perfect Storm (sample)"): case.yaml, the input
// spreadsheets, README.md describing every planted fact, and expected.json
// with the results computed by the generator from what it planted.
// `crosscheck demo` writes these files out and runs them. Regenerate with
// `go run ./testdata/gen`; never edit the files by hand. The patterns
// leave out testdata/sample/lo, a LibreOffice-saved copy kept for reader
// tests only.
//
//go:embed testdata/sample/*.yaml testdata/sample/*.csv testdata/sample/*.xlsx testdata/sample/*.md testdata/sample/*.json
var Sample embed.FS
