-- Every measure with its label: how answers name what they count.
SELECT measure, label, unit FROM measures ORDER BY measure
