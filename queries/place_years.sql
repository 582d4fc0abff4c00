-- One place, one measure, every year it has a row for (oldest first), each the row of `figures` a
-- reporter should use, with its revisions and misprints (kept as one JSON array: see place_lookup in
-- figures.sql; Store.rows decodes it). No rows: the place has nothing for the measure.
SELECT rows_json FROM place_lookup
WHERE key = concat_ws('|', $geography, $geography_type, $measure)
