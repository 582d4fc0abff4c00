-- offences data add: the forces of England and Wales, to say which a release gives no figure for.
SELECT name FROM geographies WHERE geography_type = 'force' AND nation IN ('England', 'Wales') ORDER BY name
