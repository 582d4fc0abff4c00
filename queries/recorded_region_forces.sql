-- The forces of one region (from data/geographies.csv) with their figure for one offence group and period.
SELECT g.name AS force, g.code, r.*
FROM geographies g
LEFT JOIN recorded_answers r
       ON r.area_name = g.name AND r.area_type = 'force' AND r.offence_group = $offence_group
      AND r.period_end = $period_end AND r.period_months = 12
WHERE g.geography_type = 'force' AND g.region = $region
ORDER BY g.name;
