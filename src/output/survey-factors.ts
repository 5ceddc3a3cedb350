import { sql } from "../db/sql.ts";
import { SMALL_NUMBER } from "../indicators/survey-sql.ts";

/**
 * survey_factors (spec/survey.md): per network and survey round closed on or before as_of, how
 * many respondents named each barrier and success factor, and their share of all the round's
 * respondents (also those who named nothing). A round of fewer than five respondents has no
 * rows; a network that no other export names counts nowhere.
 */
export const surveyFactorsSql = sql`
with responses as (
  select * from survey_responses
  where round_on <= (select d from ref_dates where is_as_of)
    and network in (select network from networks)
),
rounds as (
  select network, round_on, count(*) as n from responses
  group by all having count(*) >= ${SMALL_NUMBER}
),
named as (
  select network, round_on, 'belemmering' as kind, unnest(barriers) as factor from responses
  union all
  select network, round_on, 'succesfactor', unnest(success_factors) from responses
),
final as (
  select f.network, f.round_on, f.kind, f.factor, count(*)::integer as respondents,
    count(*) / any_value(r.n) as share
  from named as f join rounds as r using (network, round_on)
  group by f.network, f.round_on, f.kind, f.factor
)
select * from final`;
