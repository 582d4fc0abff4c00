-- One place, two years: both figures (either may be missing: the answer says which).
SELECT * FROM figures
WHERE geography = $geography AND geography_type = $geography_type AND measure = $measure
  AND year IN ($year_from, $year_to)
ORDER BY year
