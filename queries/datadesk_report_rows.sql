-- offences data add / import: every row of reports.csv as text in its columns, to tell a repeat of
-- rows already there (an exact duplicate of a release, a table imported again) from new ones.
SELECT geography, geography_type, year, measure, coalesce(CAST(value AS VARCHAR), '') AS value, qualifier,
       release, coalesce(CAST(forces_responding AS VARCHAR), '') AS forces_responding, outlet, source_url,
       coalesce(note, '') AS note
FROM reports WHERE file = 'reports.csv'
