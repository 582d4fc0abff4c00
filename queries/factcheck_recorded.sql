-- Police recorded crime by financial year (the 12 months to 31 March), as the fact-checker reads it:
-- the answering figure of each (area, offence group, year) and what earlier editions gave, from
-- recorded_answers (queries/recorded_build.sql: composed totals, latest edition first). Read once.
SELECT area_name, area_type, offence_group,
       printf('%d/%02d', year(period_end) - 1, year(period_end) % 100) AS year,
       value, status, edition, publisher, source_table, source_url,
       list_transform(earlier, lambda e: {'edition': e.edition, 'value': e.value}) AS revisions
FROM recorded_answers
WHERE period_months = 12 AND month(period_end) = 3 AND day(period_end) = 31
  AND area_type IN ('force', 'region', 'nation')
ORDER BY area_name, offence_group, period_end
