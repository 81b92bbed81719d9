package sheets

// Keys of the Benefit flags columns that review reads back.
const (
	FlagID      = "flag_id"
	Suspect     = "suspect"
	Application = "application"
	Class       = "class"
	MonthsPaid  = "months_paid"
	BenefitEUR  = "benefit_eur"
	Overlap     = "overlap_months"
	RecoveryEUR = "recovery_eur"
	IncomeEUR   = "income_during"
	ReviewState = "review_state"
	Decision    = "decision"
	Reviewer    = "reviewer"
	ReviewDate  = "review_date"
	Note        = "note"

	// The flag as it was when the carried decision was taken: written
	// beside the current figures, hidden, so that a re-run compares
	// against what a person actually looked at.
	ReviewedClass    = "reviewed_class"
	ReviewedMonths   = "reviewed_months_paid"
	ReviewedBenefit  = "reviewed_benefit_eur"
	ReviewedOverlap  = "reviewed_overlap_months"
	ReviewedRecovery = "reviewed_recovery_eur"
	ReviewedIncome   = "reviewed_income_during"
	ReviewedDecision = "reviewed_decision"
	ReviewedOn       = "reviewed_on"
)

// BenefitFlags lists the benefit flags. The flag id comes first: it is
// how the next run finds the decisions. The review columns come last,
// together, and are the only editable cells of the sheet; the "Reviewed
// ..." columns after them are computed, hence locked, and hidden.
var BenefitFlags = Sheet{
	Name:     "Benefit flags",
	FormerIT: []string{"Segnalazioni RdC"},
	// A flag is read across all its columns: on paper, one page wide,
	// the longer texts (evidence, months, review state) wrapped. The
	// protection allows formatting columns, so a reader can unhide the
	// hidden ones (select the columns around them, Unhide).
	OnePageWide: true,
	TextCap:     16,
	Columns: []Column{
		{Key: FlagID, Label: "Flag ID"},
		{Key: Suspect, Label: "Suspect"},
		{Key: "suspect_name", Label: "Suspect name"},
		{Key: Application, Label: "Application"},
		{Key: "programme", Label: "Programme"},
		{Key: Class, Label: "Class"},
		{Key: "role", Label: "Role"},
		// The compared fields, each with its evidence.
		{Key: "tax_code", Label: "Tax code"},
		{Key: "surname", Label: "Surname"},
		{Key: "name", Label: "Name"},
		{Key: "birth_date", Label: "Birth date"},
		{Key: "birth_place", Label: "Birth place"},
		{Key: "sex", Label: "Sex"},
		{Key: MonthsPaid, Label: "Months paid", Format: Integer},
		{Key: "months", Label: "Months"},
		{Key: BenefitEUR, Label: "Benefit EUR", Format: Euro},
		{Key: Overlap, Label: "Overlap months", Format: Integer},
		{Key: "overlap", Label: "Overlap"},
		{Key: RecoveryEUR, Label: "Recovery EUR", Format: Euro},
		{Key: IncomeEUR, Label: "Income during benefit EUR", Format: Euro},
		{Key: "status", Label: "Status"},
		{Key: ReviewState, Label: "Review state", MinWidth: 20},
		{Key: Decision, Label: "Decision", MinWidth: 14, Editable: true},
		{Key: Reviewer, Label: "Reviewer", MinWidth: 18, Editable: true},
		{Key: ReviewDate, Label: "Review date", Format: Date, MinWidth: 14, Editable: true},
		{Key: Note, Label: "Note", MinWidth: 30, Editable: true},
		{Key: ReviewedClass, Label: "Reviewed class", Hidden: true},
		{Key: ReviewedMonths, Label: "Reviewed months paid", Format: Integer, Hidden: true},
		{Key: ReviewedBenefit, Label: "Reviewed benefit EUR", Format: Euro, Hidden: true},
		{Key: ReviewedOverlap, Label: "Reviewed overlap months", Format: Integer, Hidden: true},
		{Key: ReviewedRecovery, Label: "Reviewed recovery EUR", Format: Euro, Hidden: true},
		{Key: ReviewedIncome, Label: "Reviewed income during benefit EUR", Format: Euro, Hidden: true},
		{Key: ReviewedDecision, Label: "Reviewed decision", Hidden: true},
		{Key: ReviewedOn, Label: "Reviewed on", Format: Date, Hidden: true},
	},
}

// WithdrawnFlags lists the reviewed flags that no longer arise, with
// their last decision, under the same headers as BenefitFlags, so that
// the next run reads these decisions back too.
var WithdrawnFlags = Sheet{
	Name: "Withdrawn flags",
	Columns: append(BenefitFlags.pick(FlagID, Suspect, "suspect_name", Application, Class, MonthsPaid, BenefitEUR,
		Overlap, RecoveryEUR, IncomeEUR),
		Column{Key: Decision, Label: "Decision"},
		Column{Key: Reviewer, Label: "Reviewer"},
		Column{Key: ReviewDate, Label: "Review date", Format: Date},
		Column{Key: Note, Label: "Note"},
		Column{Key: "source", Label: "Source workbook"},
		Column{Key: "sheet", Label: "Sheet"},
		Column{Key: "row", Label: "Row", Format: Integer},
	),
}
