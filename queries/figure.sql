-- One place, one year: the figure a reporter should use, with its revisions and misprints
-- (the row of `figures`, as JSON text: see figure_lookup in figures.sql; Store.rows decodes it).
SELECT row_json FROM figure_lookup
WHERE key = concat_ws('|', $geography, $geography_type, $measure, $year)
