-- The measures a place has any reported figure for (to suggest another series when one has none).
SELECT measure, count(*) AS years FROM figures
WHERE geography = $geography AND geography_type = $geography_type AND status IN ('reported', 'disputed')
GROUP BY measure ORDER BY years DESC, measure
