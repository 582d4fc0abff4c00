-- Forces ranked by their figure for one year (optionally within one region, optionally per 100,000
-- residents), with how many forces have a figure at all and how many England and Wales forces exist.
WITH ranked AS (
    SELECT f.*,
           round(f.value * 100000.0 / f.population, 1) AS rate_per_100k,
           count(*) OVER () AS forces_with_data,
           -- forces outside England and Wales (PSNI, Jersey) have no region: counted apart from the 43
           count(*) FILTER (WHERE f.region IS NOT NULL) OVER () AS ew_forces_with_data
    FROM figures f
    WHERE f.geography_type = 'force' AND f.measure = $measure AND f.year = $year AND f.value IS NOT NULL
      AND ($region IS NULL OR f.region = $region)
      AND (NOT $rate OR f.population IS NOT NULL)
)
SELECT *,
       (SELECT count(*) FROM geographies g
        WHERE g.geography_type = 'force' AND g.nation IN ('England', 'Wales')
          AND ($region IS NULL OR g.region = $region)) AS forces_in_scope
FROM ranked
ORDER BY CASE WHEN $rate THEN rate_per_100k ELSE value END * CASE WHEN $ascending THEN 1 ELSE -1 END, geography
LIMIT $limit
