-- The twelve-month periods with a figure for an offence group (and area when given), latest first.
SELECT period_end, count(*) AS areas
FROM recorded_answers
WHERE offence_group = $offence_group
  AND period_months = 12
  AND ($area IS NULL OR area_name = $area)
  AND status = 'published'
GROUP BY period_end
ORDER BY period_end DESC;
