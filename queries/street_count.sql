-- Street records a month for a local authority (by LSOA) or a force (by "Falls within"), in a month range.
-- $all: every crime type except anti-social behaviour; otherwise the types in $types.
SELECT month, sum(n)::BIGINT AS n
FROM street
WHERE ($la IS NULL OR la = $la)
  AND ($force IS NULL OR force = $force)
  AND month BETWEEN $from_month AND $to_month
  AND (($all AND crime_type <> 'Anti-social behaviour') OR list_contains($types::VARCHAR[], crime_type))
GROUP BY month
ORDER BY month
