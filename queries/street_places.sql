-- Local authorities in the street data and the forces whose files hold their records.
SELECT la, force, sum(n)::BIGINT AS n FROM street WHERE la IS NOT NULL GROUP BY la, force ORDER BY la, n DESC
