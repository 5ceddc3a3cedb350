// The survey marts (spec/survey.md, "On the dashboard"): per network the rounds and their size,
// the S indicators with the reason a value is empty (no survey, no round yet, or hidden by the
// small-number rule), and the ranked barriers and success factors of the latest round with their
// change against the previous round. Only counts, shares and means of at least 5 respondents:
// never a respondent's id or one organisation's answers.
import { sql, type Sql } from "../db/sql.ts";
import { SMALL_NUMBER } from "../indicators/survey-sql.ts";
import { referenceDatesJson } from "./series.ts";

// The small-number rule is the indicators' own: one threshold for values, factors and marts.
export { SMALL_NUMBER };

/** The S indicators of spec/survey.md, S1–S8 in order. */
export const SURVEY_INDICATORS = [
  "enquete_respons",
  "vertrouwen",
  "waarde",
  "wederzijdse_relaties",
  "ervaren_afhankelijkheid",
  "ervaren_meerlagigheid",
  "ervaren_toekomstperspectief",
  "ervaren_bereikbaarheid",
] as const;

/** Where the marts read the survey: the loaded responses and the survey_factors rows. */
export interface SurveySources {
  /** Rows with at least `network` (text) and `round_on` (date); null: no survey table. */
  readonly responses: Sql | null;
  /** Rows of survey_factors (network, round_on, kind, factor, respondents, share); null: none. */
  readonly factors: Sql | null;
}

const noResponses = sql`select null::varchar as network, null::date as round_on where false`;
const noFactors = sql`select null::varchar as network, null::date as round_on,
  null::varchar as kind, null::varchar as factor, null::bigint as respondents,
  null::double as share where false`;

/**
 * `site_survey_rounds`: per network of the monitor its rounds up to the peildatum with their
 * number of respondents (a survey network outside the monitor counts nowhere, as in survey.md).
 */
function roundsSql(responses: Sql | null): Sql {
  return sql`
create or replace table site_survey_rounds as
select r.network, r.round_on, count(*)::integer as respondents,
  lag(r.round_on) over w as previous_on,
  lag(count(*)::integer) over w as previous_respondents,
  row_number() over (partition by r.network order by r.round_on desc) = 1 as latest
from (${responses ?? noResponses}) as r
join networks as n on n.network = r.network
where r.round_on <= (select d from ref_dates where is_as_of)
group by r.network, r.round_on
window w as (partition by r.network order by r.round_on)
order by r.network, r.round_on`;
}

/**
 * `site_survey_series`: every S value of indicators at the reference dates, with the round it
 * comes from (a network's latest round on or before the date), that round's respondents and the
 * state of the value: `waarde`, `verborgen` (the small-number rule), `geen_ronde` (no round yet
 * at that date) or `geen_enquete` (no survey delivered at all).
 */
const seriesSql = sql`
create or replace table site_survey_series as
with delivered as (select count(*) > 0 as yes from site_survey_rounds),
at_date as (
  select r.idx, r.d, s.network, max(s.round_on) as round_on
  from ref_dates as r join site_survey_rounds as s on s.round_on <= r.d
  group by r.idx, r.d, s.network
),
sized as (
  select a.*, s.respondents from at_date as a
  join site_survey_rounds as s using (network, round_on)
),
scoped as (
  select 'netwerk' as scope_type, network as scope, d, round_on, respondents from sized
  union all
  select 'totaal', 'alle', d, null, sum(respondents)::integer from sized group by d
)
select i.scope_type, i.scope, i.indicator, i.period_end, i.value, s.round_on,
  coalesce(s.respondents, 0) as respondents,
  case
    when not (select yes from delivered) then 'geen_enquete'
    when s.d is null then 'geen_ronde'
    when i.value is null then 'verborgen'
    else 'waarde'
  end as state
from indicators as i
left join scoped as s
  on s.scope_type = i.scope_type and s.scope = i.scope and s.d = i.period_end
where i.indicator in (${SURVEY_INDICATORS})
  and i.scope_type in ('netwerk', 'totaal')`;

/**
 * `site_survey_networks`: per network with a round its latest round on or before the peildatum,
 * whether that round's factors are shown (`getoond`) or hidden by the small-number rule
 * (`verborgen`), and whether a change can be given: `vergeleken`, `eerste_ronde` or
 * `vorige_verborgen` (the previous round had fewer than 5 respondents).
 */
const networksSql = sql`
create or replace table site_survey_networks as
select network, round_on, respondents, previous_on, previous_respondents,
  case when respondents >= ${SMALL_NUMBER} then 'getoond' else 'verborgen' end as factors_state,
  case
    when previous_on is null then 'eerste_ronde'
    when previous_respondents < ${SMALL_NUMBER} then 'vorige_verborgen'
    else 'vergeleken'
  end as change_state
from site_survey_rounds
where latest
order by network`;

/**
 * `site_survey_factors`: the barriers and success factors of each network's latest shown round,
 * ranked by the number of respondents naming them, with the change of their share against the
 * previous round when that round was shown (a factor named then but not now has share 0).
 */
function factorsSql(factors: Sql | null): Sql {
  return sql`
create or replace table site_survey_factors as
with f as (
  select network, round_on, kind, factor, respondents::integer as named, share
  from (${factors ?? noFactors})
),
current as (
  select f.* from f join site_survey_networks as n using (network, round_on)
  where n.factors_state = 'getoond'
),
previous as (
  select f.network, f.kind, f.factor, f.share from f
  join site_survey_networks as n on n.network = f.network and n.previous_on = f.round_on
  where n.factors_state = 'getoond' and n.change_state = 'vergeleken'
),
merged as (
  select coalesce(c.network, p.network) as network, coalesce(c.kind, p.kind) as kind,
    coalesce(c.factor, p.factor) as factor, coalesce(c.named, 0) as named,
    coalesce(c.share, 0) as share, p.share as previous_share
  from current as c
  full join previous as p on p.network = c.network and p.kind = c.kind and p.factor = c.factor
)
select m.network, n.round_on, m.kind, m.factor, m.named, m.share,
  case when n.change_state = 'vergeleken' then m.share - coalesce(m.previous_share, 0) end
    as change,
  rank() over (partition by m.network, m.kind order by m.named desc)::integer as rank
from merged as m join site_survey_networks as n using (network)
order by m.network, m.kind, rank, m.factor`;
}

/** `site_survey`: the one payload of enquete.json (every element of /enquete and the profile). */
const payloadSql = sql`
create or replace table site_survey as
select to_json({
  'delivered': (select count(*) > 0 from site_survey_rounds),
  'small_number': ${SMALL_NUMBER},
  'as_of': (select strftime(d, '%Y-%m-%d') from ref_dates where is_as_of),
  'reference_dates': ${referenceDatesJson},
  'rounds': coalesce((select list({'network': network, 'round_on': strftime(round_on, '%Y-%m-%d'),
    'respondents': respondents} order by network, round_on) from site_survey_rounds), []),
  'networks': coalesce((select list({'network': network,
    'round_on': strftime(round_on, '%Y-%m-%d'), 'respondents': respondents,
    'previous_on': strftime(previous_on, '%Y-%m-%d'), 'previous_respondents': previous_respondents,
    'factors_state': factors_state, 'change_state': change_state} order by network)
    from site_survey_networks), []),
  'series': coalesce((select list(x order by x.scope_type, x.scope, x.indicator) from (
    select scope_type, scope, indicator,
      list(value order by period_end) as "values",
      list(state order by period_end) as states,
      list(strftime(round_on, '%Y-%m-%d') order by period_end) as rounds,
      list(respondents order by period_end) as respondents
    from site_survey_series group by scope_type, scope, indicator) as x), []),
  'factors': coalesce((select list({'network': network, 'kind': kind, 'factor': factor,
    'rank': rank, 'named': named, 'share': round(share, 4), 'change': round(change, 4)}
    order by network, kind, rank, factor) from site_survey_factors), [])
})::varchar as payload`;

/** The survey marts in build order, after site_keys and the indicators. */
export function surveyMarts(sources: SurveySources): readonly Sql[] {
  return [
    roundsSql(sources.responses),
    seriesSql,
    networksSql,
    factorsSql(sources.factors),
    payloadSql,
  ];
}
