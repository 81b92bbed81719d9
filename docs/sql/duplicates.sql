-- Duplicates and conflicts, as the ledger finds them (docs/rules.md, Duplicates):
-- same duplicate key (currency and folded reference) and same amount as
-- the key's first row read is one payment, read twice: the first row is
-- kept, the others are listed here as duplicates. The same key with
-- another amount is a conflict: both rows are kept and listed. Rows
-- without a reference are never merged.
WITH read_rows AS (
  -- The rows duplicate detection reads: a rejected row never reaches it,
  -- a row that is not a payment (conversion leg, hold, fee...) is listed
  -- with its reason and never checked or summed.
  SELECT * FROM payments WHERE status <> 'rejected' AND direction <> 'not_a_payment'
),
firsts AS (
  -- The first row of each duplicate key in the order the run reads the
  -- files: case-file position, sheet, row.
  SELECT duplicate_key,
         source_index AS first_source_index, sheet_index AS first_sheet_index, row_no AS first_row_no,
         source AS first_source, sheet AS first_sheet,
         amount_text AS first_amount, debit AS first_debit
  FROM (
    SELECT r.*, ROW_NUMBER() OVER (
             PARTITION BY duplicate_key ORDER BY source_index, sheet_index, row_no) AS nth
    FROM read_rows r
    WHERE duplicate_key IS NOT NULL
  ) numbered
  WHERE nth = 1
),
conflicted AS (
  -- Keys read again with another amount (or as a debit): both kept.
  SELECT DISTINCT r.duplicate_key
  FROM read_rows r
  JOIN firsts f ON f.duplicate_key = r.duplicate_key
  WHERE r.amount_text <> f.first_amount OR r.debit <> f.first_debit
),
ledger_rows AS (
  -- Every row read, with what duplicate detection made of it: a later
  -- row with the first row's amount is a duplicate (not counted); the
  -- rows of a key read with two amounts are conflicts (counted, marked).
  SELECT r.*,
         f.first_source, f.first_sheet, f.first_row_no,
         CASE
           WHEN f.duplicate_key IS NULL THEN 'ok'
           WHEN r.amount_text = f.first_amount AND r.debit = f.first_debit
                AND NOT (r.source_index = f.first_source_index
                         AND r.sheet_index = f.first_sheet_index
                         AND r.row_no = f.first_row_no) THEN 'duplicate'
           WHEN c.duplicate_key IS NOT NULL THEN 'conflict'
           ELSE 'ok'
         END AS ledger_status
  FROM read_rows r
  LEFT JOIN firsts f ON f.duplicate_key = r.duplicate_key
  LEFT JOIN conflicted c ON c.duplicate_key = r.duplicate_key
),
counted AS (
  -- The rows the totals count: every row read but the duplicates.
  SELECT * FROM ledger_rows WHERE ledger_status <> 'duplicate'
)
SELECT ledger_status, source, sheet, row_no, payment_date, amount_text, currency, debit,
       reference, duplicate_key, first_source, first_sheet, first_row_no, suspect
FROM ledger_rows
WHERE ledger_status IN ('duplicate', 'conflict')
ORDER BY source_index, sheet_index, row_no;
