-- One police recorded crime figure: area x offence group x twelve months ending $period_end -> the value
-- the latest edition gives, its status, the edition that answered, and every earlier edition's value for
-- the same cell (`earlier`: revisions). The one lookup for answers and for checking copy.
-- $area_type: force | region | nation | btp | fraud_body | csp | local_authority.
SELECT *
FROM recorded_answers
WHERE area_name = $area
  AND area_type = $area_type
  AND offence_group = $offence_group
  AND period_end = $period_end
  AND period_months = 12
ORDER BY area_type;
