// Package deps pins the modules the packages being built in parallel
// use, so that no two of them edit go.mod at once. Removed once every
// module is imported for real.
package deps

import (
	_ "github.com/xuri/excelize/v2"
	_ "go.yaml.in/yaml/v3"
	_ "golang.org/x/crypto/sha3"
	_ "golang.org/x/text/encoding/charmap"
	_ "golang.org/x/text/unicode/norm"
)
