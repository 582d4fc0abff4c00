-- A region in one year: each of its forces with its figure, or NULL where the data has none.
-- The answer sums the forces that have figures and names the ones missing.
SELECT g.name AS geography, g.code AS geography_code, g.population_mid2018 AS population, f.*
    EXCLUDE (geography, geography_code, population)
FROM geographies g
LEFT JOIN figures f
       ON f.geography = g.name AND f.geography_type = 'force' AND f.measure = $measure AND f.year = $year
WHERE g.geography_type = 'force' AND g.region = $region
ORDER BY f.value DESC NULLS LAST, g.name
