-- For each year, how many forces have a figure for the measure (to pick the fullest year for a ranking).
SELECT year, count(*) AS forces FROM figures
WHERE geography_type = 'force' AND measure = $measure AND status IN ('reported', 'disputed')
GROUP BY year ORDER BY year
