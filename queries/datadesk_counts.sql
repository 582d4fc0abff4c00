-- offences data check: the size of the data set in one line.
SELECT (SELECT count(*) FROM reports) AS reports, (SELECT count(*) FROM figures) AS figures,
       (SELECT count(DISTINCT (geography, geography_type)) FROM figures) AS places,
       (SELECT count(*) FROM measures) AS measures, (SELECT count(DISTINCT release) FROM reports) AS releases
