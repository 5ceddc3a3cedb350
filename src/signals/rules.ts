import { sql, type Sql } from "../db/sql.ts";
import { countNl } from "../summaries/nl.ts";
import { signalSettings, type SignalSettings } from "./settings.ts";

const pct = (x: Sql) => sql`replace(format('{:.0f}', 100 * ${x}), '.', ',') || '%'`;
const nlDate = (x: Sql) => sql`strftime(${x}, '%d-%m-%Y')`;

/**
 * The signals of spec/indicators.md as one query returning
 * `signal, severity, scope_type, scope, subject_id, message_nl`, with the thresholds of `s`.
 */
export function signalsSql(s: SignalSettings = signalSettings): Sql {
  const norm = ` lid (norm: ${Math.round(s.retentionMinimum * 100)}%).`;
  const quarters = ` in ${countNl(s.attendanceDropLookback, "kwartaal", "kwartalen")}.`;
  return sql`
with as_of as (select d, idx from ref_dates where is_as_of),
sustainment as (
  select 'verduurzaming_risico' as signal, ${s.sustainmentSeverity} as severity,
    'netwerk' as scope_type, p.network as scope, p.project_id as subject_id,
    'Project "' || p.project_name || '" (' || p.network || ') loopt af op ' || ${nlDate(sql`p.end_on`)} ||
    ' en heeft geen toegekende financiering na ' || year(x.d) || '.' as message_nl
  from active_projects as p cross join as_of as x
  where p.is_as_of and p.scope_type = 'netwerk'
    and p.end_on is not null and p.end_on <= (x.d + interval ${s.sustainmentMonths} month)::date
    and not exists (
      select 1 from funding as f
      where f.project_id = p.project_id and f.status = 'toegekend' and f.year > year(x.d)
    )
),
dormant as (
  select 'slapend_lid', ${s.dormantSeverity}, 'netwerk', a.scope, a.organisation_id,
    'Lid "' || o.organisation_name || '" (' || a.scope || ') heeft geen lopend project en was in de ' ||
    'afgelopen 12 maanden op geen enkele bijeenkomst.'
  from active_members as a
  join as_of as x on a.idx = x.idx
  join member_activity as ma on ma.organisation_id = a.organisation_id and ma.network = a.scope
  join organisations as o on o.organisation_id = a.organisation_id
  where a.scope_type = 'netwerk' and ma.active_projects = 0 and ma.attended_12m = 0
  group by all
),
overdue as (
  select 'mijlpaal_achterstallig',
    case when (m.due_on + interval ${s.overdueHighMonths} month)::date <= x.d then 'hoog'
         else ${s.overdueSeverity} end,
    'iza_regio', m.iza_region, m.milestone_id,
    'Mijlpaal "' || m.title || '" (' || m.iza_region || ', ' || m.iza_theme || ') had op ' ||
    ${nlDate(sql`m.due_on`)} || ' gereed moeten zijn en is dat nog niet.'
  from milestones as m cross join as_of as x
  where not coalesce(m.cancelled, false) and m.due_on <= x.d
    and (m.completed_on is null or m.completed_on > x.d)
),
attendance_drop as (
  select 'opkomst_daling', ${s.attendanceDropSeverity}, now_.scope_type, now_.scope, 'opkomst_12m',
    'De opkomst bij bijeenkomsten van ' || case when now_.scope = 'alle' then 'alle netwerken' else now_.scope end ||
    ' daalde van ' || ${pct(sql`before.value`)} || ' naar ' || ${pct(sql`now_.value`)} || ${quarters}
  from indicators as now_
  join as_of as x on now_.period_end = x.d
  join ref_dates as r on r.idx = x.idx - ${s.attendanceDropLookback}
  join indicators as before
    on before.scope_type = now_.scope_type and before.scope = now_.scope
    and before.indicator = now_.indicator and before.period_end = r.d
  where now_.indicator = 'opkomst_12m' and before.value - now_.value > ${s.attendanceDrop}
),
retention as (
  select 'behoud_laag', ${s.retentionSeverity}, i.scope_type, i.scope, 'retentie_12m',
    'Van de organisaties die een jaar geleden lid waren van ' ||
    case when i.scope = 'alle' then 'een netwerk' else i.scope end || ', is nog ' ||
    ${pct(sql`i.value`)} || ${norm}
  from indicators as i join as_of as x on i.period_end = x.d
  where i.indicator = 'retentie_12m' and i.value < ${s.retentionMinimum}
),
final as (
  select * from sustainment
  union all select * from dormant
  union all select * from overdue
  union all select * from attendance_drop
  union all select * from retention
)
select * from final`;
}
