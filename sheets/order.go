package sheets

// Names of the workbook's sheets that are not tables of columns: reports
// lays out the Summary's figures and the Timeline's months itself.
const (
	SummaryName  = "Summary"
	TimelineName = "Timeline"
)

// order is the workbook's sheets in the order they are written; review
// sheets are written only in a run that carried review decisions.
var order = []struct {
	name   string
	review bool
}{
	{SummaryName, false},
	{Suspects.Name, false},
	{Payments.Name, false},
	{Unattributed.Name, false},
	{Assets.Name, false},
	{BenefitFlags.Name, false},
	// Beside the flags they were withdrawn from.
	{WithdrawnFlags.Name, true},
	{Network.Name, false},
	{TimelineName, false},
	{DataIssues.Name, false},
	{Sources.Name, false},
	{RatesUsed.Name, false},
	// Closes the workbook: where each carried decision came from.
	{ReviewLog.Name, true},
}

// Order lists the workbook's sheets by English name, in order: with
// reviewed, Withdrawn flags follows Benefit flags and Review log closes
// the workbook.
func Order(reviewed bool) []string {
	out := make([]string, 0, len(order))
	for _, s := range order {
		if !s.review || reviewed {
			out = append(out, s.name)
		}
	}
	return out
}
