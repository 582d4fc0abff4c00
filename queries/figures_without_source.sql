-- Figures the bot would give without a page to cite: must always be empty (checked by the tests).
SELECT geography, geography_type, year, measure FROM figures
WHERE source_url IS NULL OR outlet IS NULL OR release IS NULL
