// Package reports turns a computed case (package result) into the files
// investigators hand on: the Excel workbook, the JSON document and the
// terminal summary.
package reports
