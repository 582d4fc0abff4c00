-- Every release with its series, the year its headline covers and how many forces answered.
SELECT release, series, covers_year, geography, headline_value, forces_responding, note
FROM releases
ORDER BY release, series
