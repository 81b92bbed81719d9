-- Unattributed income by reason, as the workbook's Unattributed sheet
-- groups it: the attribution rule's first obstacle (an unknown or shared
-- suspect, account, identifier or name; nothing to attribute by) and the
-- value that stopped it, with the suspects it could have been.
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
SELECT unattributed_reason AS reason,
       unattributed_value AS value,
       MIN(candidates) AS candidates,
       COUNT(*) AS payments,
       COALESCE(SUM(eur), CAST(0 AS DECIMAL(38, 2))) AS income_eur,
       COUNT(CASE WHEN eur IS NULL THEN 1 END) AS no_rate
FROM counted
WHERE suspect IS NULL AND direction IN ('incoming', 'refund')
GROUP BY unattributed_reason, unattributed_value
ORDER BY reason, value;
