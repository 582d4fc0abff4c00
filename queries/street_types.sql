-- Crime types ranked by records for a local authority or a force in a month range (ASB included, labelled).
SELECT crime_type, sum(n)::BIGINT AS n
FROM street
WHERE ($la IS NULL OR la = $la)
  AND ($force IS NULL OR force = $force)
  AND month BETWEEN $from_month AND $to_month
GROUP BY crime_type
ORDER BY n DESC, crime_type
