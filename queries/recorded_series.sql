-- Every financial year (twelve months ending 31 March) with a figure for one area and offence group.
SELECT *
FROM recorded_answers
WHERE area_name = $area
  AND area_type = $area_type
  AND offence_group = $offence_group
  AND period_months = 12
  AND month(period_end) = 3
ORDER BY period_end;
