-- The years a place has any figure for a measure, and whether each was supplied.
SELECT year, status, value FROM figures
WHERE geography = $geography AND geography_type = $geography_type AND measure = $measure
ORDER BY year
