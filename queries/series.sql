-- One place, every year it has a figure for this measure (not-supplied years included), oldest first.
SELECT * FROM figures
WHERE geography = $geography AND geography_type = $geography_type AND measure = $measure
ORDER BY year
