import { sql } from "../db/sql.ts";

/** Fewer contributing respondents than this and an S-value (but S1) is not shown (survey.md). */
export const SMALL_NUMBER = 5;

/*
 * The partner survey's measures (spec/survey.md, S1–S8) as one long table `measured`:
 * per network, reference date and measure a numerator, a denominator and the number of
 * respondents that contribute. The round of a network at d is its latest round with
 * round_on ≤ d; networks that no other export names count nowhere. A measure depends on the
 * round only, not on d: it is computed once per round that is current at some reference date
 * (`shown_rounds`), then given to each date whose round it is (issue 12: not once per date).
 */
export const surveyMeasuresSql = sql`
responses as (
  select * from survey_responses where network in (select network from networks)
),
rounds as (select distinct network, round_on from responses),
current_round as (
  select r.idx, r.d, n.network, max(n.round_on) as round_on
  from ref_dates as r join rounds as n on n.round_on <= r.d
  group by all
),
shown_rounds as (select distinct network, round_on from current_round),
respondents as (
  select c.network, c.round_on, s.response_id, s.organisation_id,
    s.dependence, s.layers, s.future, s.reach
  from shown_rounds as c
  join responses as s on s.network = c.network and s.round_on = c.round_on
),
member_spells as (
  select c.network, c.round_on, m.organisation_id
  from shown_rounds as c
  join members as m on m.network = c.network
    and m.joined_on <= c.round_on and (m.left_on is null or m.left_on > c.round_on)
),
relations as (
  select p.network, p.round_on, p.response_id, p.organisation_id, rel.partner_organisation_id,
    rel.trust, rel.value
  from respondents as p join survey_relations as rel using (response_id)
),
-- S1: member respondents over the organisations active in the network at round_on
response_rate as (
  select c.network, c.round_on, 'S1' as measure,
    (select count(*) from respondents as p
     where p.network = c.network and p.round_on = c.round_on
       and p.organisation_id in (
         select s.organisation_id from member_spells as s
         where s.network = c.network and s.round_on = c.round_on
       )) as num,
    (select count(distinct s.organisation_id) from member_spells as s
     where s.network = c.network and s.round_on = c.round_on) as den,
    null::bigint as contributors
  from shown_rounds as c
),
-- S2, S3: means of (score − 1) / 3 over the relations with that score, as sum(score − 1) over
-- 3 × count: integer sums, so the value does not depend on the order threads add them in
relation_scores as (
  select network, round_on, 'S2' as measure, sum(trust - 1) as num, 3 * count(*) as den,
    count(distinct response_id) as contributors
  from relations where trust is not null group by all
  union all
  select network, round_on, 'S3', sum(value - 1), 3 * count(*), count(distinct response_id)
  from relations where value is not null group by all
),
-- S4: unordered pairs of respondents of one round where one names the other; mutual when both
named as (
  select distinct r.network, r.round_on, r.organisation_id as a, r.partner_organisation_id as b
  from relations as r
  join respondents as p
    on p.network = r.network and p.round_on = r.round_on
      and p.organisation_id = r.partner_organisation_id
),
pairs as (
  select network, round_on, least(a, b) as a, greatest(a, b) as b, count(*) = 2 as mutual
  from named group by all
),
pair_members as (
  select network, round_on, count(distinct organisation_id) as n from (
    select network, round_on, a as organisation_id from pairs
    union all select network, round_on, b from pairs
  ) group by all
),
mutual_pairs as (
  select p.network, p.round_on, 'S4' as measure,
    count(*) filter (where p.mutual) as num, count(*) as den, any_value(m.n) as contributors
  from pairs as p join pair_members as m using (network, round_on)
  group by p.network, p.round_on
),
-- S5–S8: the share of respondents with a score who answered 4 or 5
experienced as (
  unpivot (select network, round_on, dependence as S5, layers as S6, future as S7, reach as S8 from respondents)
  on S5, S6, S7, S8 into name measure value score
),
agreeing as (
  select network, round_on, measure, count(*) filter (where score >= 4) as num, count(*) as den,
    count(*) as contributors
  from experienced group by all
),
round_measures as (
  select * from response_rate
  union all select * from relation_scores
  union all select * from mutual_pairs
  union all select * from agreeing
),
measured as (
  select c.idx, c.d, c.network, m.measure, m.num, m.den, m.contributors
  from current_round as c join round_measures as m using (network, round_on)
),
-- shown in its own network: S1 always, the others from SMALL_NUMBER contributing respondents
shown as (
  select *, measure = 'S1' or contributors >= ${SMALL_NUMBER} as visible from measured
),
by_network as (
  select 'netwerk' as scope_type, network as scope, d, measure,
    case when visible and den > 0 then num / den end as value
  from shown
),
-- totaal: the pooled counts of the rounds shown in their own network, then the rule again
pooled as (
  select 'totaal' as scope_type, 'alle' as scope, d, measure,
    case when (measure = 'S1' or sum(contributors) >= ${SMALL_NUMBER}) and sum(den) > 0
      then sum(num) / sum(den) end as value
  from shown where visible group by d, measure
),
survey_values as (
  select * from by_network union all select * from pooled
)`;
