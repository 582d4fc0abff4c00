-- offences data add: every figure the bot answers with, to compare the data before and after a change.
SELECT geography, geography_type, year, measure, release, value, status, outlet
FROM figures
ORDER BY geography, geography_type, year, measure
