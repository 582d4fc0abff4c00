-- For each year, how many of a region's forces have a figure, plus whether the region itself has one.
SELECT f.year, count(*) AS forces FROM figures f
JOIN geographies g ON g.name = f.geography AND g.geography_type = 'force'
WHERE g.region = $region AND f.measure = $measure AND f.status IN ('reported', 'disputed')
GROUP BY f.year
UNION ALL
SELECT year, 0 FROM figures
WHERE geography = $region AND geography_type = 'region' AND measure = $measure AND status IN ('reported', 'disputed')
  AND year NOT IN (SELECT f.year FROM figures f JOIN geographies g ON g.name = f.geography AND g.geography_type = 'force'
                   WHERE g.region = $region AND f.measure = $measure AND f.status IN ('reported', 'disputed'))
ORDER BY year
