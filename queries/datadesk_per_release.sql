-- offences data check: how many figures each release gives for each measure (one financial year each),
-- and how many of them are the figure the bot now answers with (a later release may have revised the rest).
SELECT r.measure, r.release,
       count(DISTINCT (r.geography, r.geography_type, r.year)) AS figures,
       count(DISTINCT (r.geography, r.geography_type, r.year)) FILTER (WHERE f.release = r.release) AS current,
       string_agg(DISTINCT r.year, ', ' ORDER BY r.year) AS years
FROM reports r
JOIN figures f USING (geography, geography_type, year, measure)
WHERE r.year IS NOT NULL
GROUP BY ALL
ORDER BY r.measure, r.release
