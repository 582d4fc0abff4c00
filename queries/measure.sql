-- What a measure counts, for labels and the help text.
SELECT measure, label, unit, description FROM measures WHERE measure = $measure
