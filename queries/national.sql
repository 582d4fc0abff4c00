-- National figures for one year under every scope the releases used (England and Wales; adding
-- Northern Ireland; adding the Channel Islands; UK), with the release's own headline and force count.
SELECT f.*,
       r.headline_value, r.forces_responding AS release_forces_responding, r.note AS release_note,
       r.geography AS release_geography
FROM figures f
LEFT JOIN releases r ON r.release = f.release AND r.covers_year = f.year AND r.geography = f.geography
WHERE f.geography_type = 'nation' AND f.measure = $measure AND f.year = $year
ORDER BY (f.geography = $geography) DESC, f.forces_responding DESC NULLS LAST, f.release DESC
