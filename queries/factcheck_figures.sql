-- The settled figure per (geography, year, measure): latest release, misprints (other_values) and
-- earlier releases that differ (revisions). The fact-checker reads it once and indexes it in memory.
SELECT geography, geography_type, year, measure, release, value, qualifier, status, forces_responding,
       outlet, source_url, note, outlets, other_values, revisions, region
FROM figures
ORDER BY geography, geography_type, measure, year
