package msg

// Messages about the decisions carried from an earlier workbook (review).
const (
	ReviewsUnreadable      Key = "reviews_unreadable"
	ReviewsNotXLSX         Key = "reviews_not_xlsx"
	ReviewsNoFlagsSheet    Key = "reviews_no_flags_sheet"
	ReviewsSheetUnreadable Key = "reviews_sheet_unreadable"
	ReviewsNoHeader        Key = "reviews_no_header"
	ReviewNoFlagID         Key = "review_no_flag_id"
	ReviewUnknownDecision  Key = "review_unknown_decision"
	ReviewDateBad          Key = "review_date_bad"
	ReviewTwoRows          Key = "review_two_rows"
	ReviewNotWhole         Key = "review_not_whole"
	ReviewNotAmount        Key = "review_not_amount"
	ReviewWithdrawn        Key = "review_withdrawn"
	ReviewDecidedTwice     Key = "review_decided_twice"
	NoDecision             Key = "no_decision"
	DecisionIs             Key = "decision_is"
	DecisionBy             Key = "decision_by"
	DecisionOn             Key = "decision_on"
)

func init() {
	add(map[Key]entry{
		ReviewsUnreadable: {[]Kind{KText},
			"reviews workbook cannot be read, no decisions carried from it: {0}",
			"impossibile leggere la cartella delle revisioni, nessuna decisione riportata: {0}"},
		ReviewsNotXLSX: {[]Kind{KText},
			"reviews file is not an xlsx workbook, no decisions carried from it: {0}",
			"il file delle revisioni non è una cartella xlsx, nessuna decisione riportata: {0}"},
		ReviewsNoFlagsSheet: {[]Kind{KText, KText},
			"not a crosscheck workbook: no {0} or {1} sheet, no decisions carried from it",
			"non è una cartella di crosscheck: manca il foglio {0} o {1}, nessuna decisione riportata"},
		ReviewsSheetUnreadable: {[]Kind{KText},
			"reviews sheet cannot be read: {0}",
			"impossibile leggere il foglio delle revisioni: {0}"},
		ReviewsNoHeader: {nil,
			"not a crosscheck workbook: the flags sheet lacks the expected header (columns missing), no decisions carried from it",
			"non è una cartella di crosscheck: il foglio delle segnalazioni non ha l'intestazione attesa (colonne mancanti), nessuna decisione riportata"},
		ReviewNoFlagID: {nil,
			"decision on a row without a flag id: not carried",
			"decisione su una riga senza ID segnalazione: non riportata"},
		ReviewUnknownDecision: {[]Kind{KText},
			"unknown decision (expected {0}): the row is carried without a decision",
			"decisione sconosciuta (attesa {0}): la riga è riportata senza decisione"},
		ReviewDateBad: {nil,
			"review date is not a date: the decision is carried without it",
			"la data di revisione non è una data: la decisione è riportata senza data"},
		ReviewTwoRows: {[]Kind{KRef},
			"two rows for one flag id (first in {0}): the first is kept",
			"due righe per lo stesso ID segnalazione (la prima in {0}): si tiene la prima"},
		ReviewNotWhole: {nil,
			"not a whole number: read as 0",
			"non è un numero intero: letto come 0"},
		ReviewNotAmount: {nil,
			"not an amount: read as 0",
			"non è un importo: letto come 0"},
		ReviewWithdrawn: {[]Kind{KMsg},
			"reviewed flag no longer arises ({0}): kept under withdrawn flags with its decision",
			"la segnalazione rivista non emerge più ({0}): conservata tra le segnalazioni ritirate con la sua decisione"},
		ReviewDecidedTwice: {[]Kind{KRef, KMsg, KMsg},
			"flag decided differently in {0} ({1}): this later decision ({2}) is kept",
			"segnalazione decisa diversamente in {0} ({1}): si tiene questa decisione successiva ({2})"},
		NoDecision: {nil, "no decision", "nessuna decisione"},
		DecisionIs: {[]Kind{KTerm}, "{0}", "{0}"},
		DecisionBy: {[]Kind{KMsg, KText}, "{0} by {1}", "{0} di {1}"},
		DecisionOn: {[]Kind{KMsg, KDate}, "{0} on {1}", "{0} il {1}"},
	})
}
