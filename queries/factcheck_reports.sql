-- Every figure exactly as each source printed it, in every release (whole years and other periods):
-- what the fact-checker compares copy against, oldest release first. `figures` says which one is current.
SELECT r.geography, r.geography_type, r.year, r.period_start, r.period_end, r.measure, r.value, r.qualifier,
       r.release, r.forces_responding, r.outlet, r.source_url, r.note, r.file, r.line
FROM reports r
ORDER BY r.release, r.geography, r.geography_type, r.measure, r.year NULLS LAST, r.outlet, r.file, r.line
