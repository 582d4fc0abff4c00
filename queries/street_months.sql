-- Which months each force's files cover, with the force's own name.
SELECT force, month, any_value(falls_within) AS force_name FROM street GROUP BY force, month ORDER BY force, month
