-- offences data check: for each measure and year that has force figures for England and Wales, the
-- forces with no figure (none in the data, or the release says the force supplied none).
WITH ew_forces AS (
    SELECT name FROM geographies WHERE geography_type = 'force' AND nation IN ('England', 'Wales')
),
years AS (
    SELECT DISTINCT f.measure, f.year FROM figures f JOIN ew_forces e ON e.name = f.geography
    WHERE f.geography_type = 'force' AND f.value IS NOT NULL
)
SELECT y.measure, y.year,
       count(f.value) AS with_figure,
       string_agg(e.name, ', ' ORDER BY e.name) FILTER (WHERE f.value IS NOT NULL) AS with_names, (SELECT count(*) FROM ew_forces) AS forces,
       string_agg(e.name, ', ' ORDER BY e.name) FILTER (WHERE f.value IS NULL AND f.status IS NULL) AS no_figure,
       string_agg(e.name, ', ' ORDER BY e.name) FILTER (WHERE f.status = 'not_available') AS not_supplied
FROM years y
CROSS JOIN ew_forces e
LEFT JOIN figures f ON f.geography = e.name AND f.geography_type = 'force' AND f.measure = y.measure AND f.year = y.year
GROUP BY ALL
HAVING count(f.value) >= 3  -- a series a few forces publish is no coverage question
ORDER BY y.measure, y.year
