-- Which parts are present: run it first. Every part of the case must be
-- there once, or the totals are partial.
SELECT c.parts AS parts_expected,
       p.parts_present,
       p.rows_total
FROM (SELECT COUNT(DISTINCT part) AS parts_present, COUNT(*) AS rows_total FROM payments) p
CROSS JOIN case_info c;
