-- Seized total against the case's target (docs/rules.md, Seized value): the counted
-- assets' EUR values (converted on the seizure date, times the ownership
-- share, rounded once by crosscheck); released items and takedowns
-- (servers, domains, channels) are listed in assets but not counted.
SELECT t.seized_eur,
       c.target_eur,
       CASE WHEN c.target_eur > 0
            THEN ROUND(CAST(t.seized_eur AS DOUBLE) * 100 / CAST(c.target_eur AS DOUBLE), 2)
       END AS percent_of_target,
       CASE WHEN c.target_eur > t.seized_eur THEN c.target_eur - t.seized_eur
            ELSE CAST(0 AS DECIMAL(38, 2)) END AS remaining_eur,
       t.assets_counted,
       t.assets_listed
FROM (
  SELECT COALESCE(SUM(CASE WHEN counted THEN eur END), CAST(0 AS DECIMAL(38, 2))) AS seized_eur,
         COUNT(CASE WHEN counted THEN 1 END) AS assets_counted,
         COUNT(*) AS assets_listed
  FROM assets
) t
CROSS JOIN case_info c;
