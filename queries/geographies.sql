-- Every geography with its aliases: the gazetteer the parser matches place names against.
SELECT code, name, geography_type, region, nation, population_mid2018, aliases
FROM geographies
ORDER BY geography_type, name
