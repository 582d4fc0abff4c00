-- The years with any national figure for the measure, oldest first.
SELECT DISTINCT year FROM figures
WHERE geography_type = 'nation' AND measure = $measure AND status IN ('reported', 'disputed')
ORDER BY year
