-- A fingerprint of everything loaded: row counts and value sums, to show that nothing changed.
SELECT (SELECT count(*) FROM reports) AS reports, (SELECT sum(value) FROM reports) AS report_values,
       (SELECT count(*) FROM figures) AS figures, (SELECT sum(value) FROM figures) AS figure_values,
       (SELECT count(*) FROM geographies) AS geographies, (SELECT count(*) FROM releases) AS releases
