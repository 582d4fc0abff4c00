-- The ONS mid-year population of a police force area for one mid-year (latest edition first).
SELECT area_name, area_code, mid_year, population, publisher, source_table, edition, source_url
FROM populations
WHERE (area_name = $area OR area_code = $area_code) AND mid_year = $mid_year
ORDER BY edition DESC
LIMIT 1;
