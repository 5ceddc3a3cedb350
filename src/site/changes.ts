import { sql } from "../db/sql.ts";

/** The most indicator rows and signal rows the page lists; the download holds them all. */
export const LISTED_CHANGES = 50;

/**
 * `site_changes`: "Sinds de vorige verversing" on /datakwaliteit, one payload read from the
 * output table `changes` (src/refresh/changes-sql.ts) and the catalog: the comparison, the
 * exports, the moved indicators (scope `alle` first, then networks and regions; at most
 * LISTED_CHANGES) and the new and resolved signals (new first, then by severity; likewise).
 */
export const changesMartSql = sql`
create or replace table site_changes as
with head as (select * from changes where section = 'vergelijking'),
moved as (
  select c.subject as indicator, k.name_nl, k.unit, c.scope_type, c.scope, c.change,
    c.old_value, c.new_value,
    row_number() over (order by case c.scope_type when 'totaal' then 0 when 'netwerk' then 1 else 2 end,
      c.scope, k.name_nl, c.subject) as rank
  from changes as c left join catalog as k on k.indicator = c.subject
  where c.section = 'indicator'
),
signals as (
  select subject as signal, severity, change, scope_type, scope, subject_id, message_nl,
    row_number() over (order by change, case severity when 'hoog' then 0 when 'middel' then 1 else 2 end,
      scope, subject, subject_id, message_nl) as rank
  from changes where section = 'signaal'
)
select to_json({
  'previous': (select change = 'vergeleken' from head),
  'previous_as_of': (select strftime(old_period_end, '%Y-%m-%d') from head),
  'as_of': (select strftime(new_period_end, '%Y-%m-%d') from head),
  'files': coalesce((select list({'file': subject, 'added': added, 'removed': removed,
      'changed': changed} order by subject) from changes where section = 'export'), []),
  'indicators_moved': (select count(*)::integer from moved),
  'indicators': coalesce((select list({'indicator': indicator, 'name_nl': name_nl, 'unit': unit,
      'scope_type': scope_type, 'scope': scope, 'change': change, 'old_value': old_value,
      'new_value': new_value} order by rank) from moved where rank <= ${LISTED_CHANGES}), []),
  'signals_new': (select count(*)::integer from signals where change = 'nieuw'),
  'signals_resolved': (select count(*)::integer from signals where change = 'opgelost'),
  'signals': coalesce((select list({'signal': signal, 'severity': severity, 'change': change,
      'scope': scope, 'message_nl': message_nl} order by rank)
    from signals where rank <= ${LISTED_CHANGES}), [])
})::varchar as payload`;

/** The payload of a database without `changes` (built before this table existed). */
export const noChangesMartSql = sql`
create or replace table site_changes as
select to_json({'previous': false, 'previous_as_of': null, 'as_of': null, 'files': [],
  'indicators_moved': 0, 'indicators': [], 'signals_new': 0, 'signals_resolved': 0,
  'signals': []})::varchar as payload`;
