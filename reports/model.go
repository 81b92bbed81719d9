// Package reports turns a computed case into the files investigators hand
// on: the Excel workbook, the JSON document and the terminal summary.
package reports

import "github.com/crosscheck/crosscheck/result"

// The run's result model lives in package result (casework fills it,
// reports reads it); these names keep the outputs' code as it reads.
type (
	Params            = result.Params
	Report            = result.Report
	UnattributedGroup = result.UnattributedGroup
	UnattributedTally = result.UnattributedTally
	PaymentDetail     = result.PaymentDetail
	DateSource        = result.DateSource
)
