-- The first bad row of a street batch: (file_no, line, reason), or nothing when all is well.
WITH problems AS (
    SELECT file_no, line, 'Month is ' || coalesce("Month", 'empty') || ', the file is for ' || file_month AS reason
    FROM incoming WHERE "Month" IS DISTINCT FROM file_month
    UNION ALL
    SELECT file_no, line, 'crime type "' || coalesce("Crime type", '') || '" is not one of data.police.uk''s'
    FROM incoming WHERE "Crime type" IS NULL OR "Crime type" NOT IN (SELECT t FROM crime_types)
    UNION ALL
    SELECT file_no, line, 'LSOA code "' || "LSOA code" || '" is not E01 or W01 and six digits'
    FROM incoming WHERE "LSOA code" IS NOT NULL AND NOT regexp_full_match("LSOA code", '[EW]01[0-9]{6}')
    UNION ALL
    SELECT file_no, line, 'Falls within is "' || coalesce("Falls within", '') || '", earlier rows say "' || first_force || '"'
    FROM (SELECT *, first("Falls within") OVER (PARTITION BY file_no ORDER BY line) AS first_force FROM incoming)
    WHERE "Falls within" IS DISTINCT FROM first_force
)
SELECT file_no, line, reason FROM problems ORDER BY file_no, line LIMIT 1
