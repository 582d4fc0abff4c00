-- offences data export: the canonical figures, one row per place, year and measure (the figure the bot
-- gives, with its status, release and source, and how many earlier releases gave another number).
-- $measure: one measure, or NULL for all.
SELECT geography, geography_code, geography_type, region, year, measure, value, qualifier, status,
       release, outlet, source_url, forces_responding, len(revisions) AS earlier_releases_revised,
       array_to_string(list_transform(revisions, lambda r: r.release || ': ' || coalesce(CAST(r.value AS VARCHAR), 'not supplied')), '; ') AS revised_from,
       note
FROM figures
WHERE $measure IS NULL OR measure = $measure
ORDER BY measure, geography_type, geography, year
