-- Areas of one type ranked by an offence group in one twelve-month period (forces by default; British
-- Transport Police and the fraud bodies only when asked for by type). $region limits to one region's forces.
SELECT r.*, g.region
FROM recorded_answers r
LEFT JOIN geographies g ON g.name = r.area_name AND g.geography_type = 'force'
WHERE r.offence_group = $offence_group
  AND r.period_end = $period_end
  AND r.period_months = 12
  AND list_contains($area_types, r.area_type)
  AND ($region IS NULL OR g.region = $region)
ORDER BY (r.value IS NULL), CASE WHEN $ascending THEN r.value ELSE -r.value END, r.area_name;
