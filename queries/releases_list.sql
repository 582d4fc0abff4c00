-- Every release in the data with the number of figures it contributes: the `sources` command.
SELECT r.release, r.series, r.covers_year, r.geography, r.headline_value, r.forces_responding, r.note,
       (SELECT count(*) FROM reports x WHERE x.release = r.release) AS figures_in_release,
       (SELECT count(DISTINCT x.outlet) FROM reports x WHERE x.release = r.release) AS outlets
FROM releases r
ORDER BY r.release, r.series
