-- Several places, one year. $places is a list of 'name|type' keys; places with no figure are absent.
SELECT *, round(value * 100000.0 / population, 1) AS rate_per_100k FROM figures
WHERE list_contains($places, geography || '|' || geography_type) AND measure = $measure AND year = $year
ORDER BY value DESC NULLS LAST, geography
