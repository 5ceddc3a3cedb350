import { join, sql, type Sql } from "../db/sql.ts";
import type { ReferenceDate } from "./dates.ts";
import type { ExportOnlyTable } from "../ingest/reuse.ts";

/**
 * The bit of a reference date (column `idx` of ref_dates) in a mask of the dates at which a
 * member, project or event is active: bit idx − 1 of a bigint.
 */
export const refDateBit = sql`(1::bigint << (idx - 1))`;

/**
 * The context every indicator family reads: reference dates, scopes, and scope-expanded views
 * over the clean tables. A row of a c_* view belongs to one scope: `netwerk`/<network name> or
 * `totaal`/`alle` (every row again), so families group by (scope_type, scope) and never
 * special-case the total. The large inputs (attendance, projects, funding) are not expanded:
 * their families aggregate per network and combine the networks' aggregates into the total.
 * Indicators never read raw_* or stg_* tables.
 */
export function contextSql(dates: readonly ReferenceDate[]): Sql {
  const values = join(
    dates.map(
      (r, i) =>
        sql`(${r.idx}, ${r.d}::date, ${r.prev}::date, ${r.d12}::date, ${i === dates.length - 1})`,
    ),
  );
  return sql`
create or replace table ref_dates as
select * from (values ${values}) as t(idx, d, prev, d12, is_as_of);

-- the networks table is made by the ingest (src/ingest/sql/networks.ts)

create or replace table scopes as
select 'netwerk' as scope_type, network as scope from networks
union all select 'totaal', 'alle';

create or replace table iza_scopes as
select distinct 'iza_regio' as scope_type, iza_region as scope from milestones
union all select 'totaal', 'alle';

-- membership spells with the organisation's sector (from its latest spell)
create or replace view c_members as
with spells as (
  select m.network, m.organisation_id, m.joined_on, m.left_on, o.sector
  from members as m join organisations as o using (organisation_id)
)
select 'netwerk' as scope_type, network as scope, organisation_id, joined_on, left_on, sector from spells
union all
select 'totaal', 'alle', organisation_id, joined_on, left_on, sector from spells;

-- organisations with an active spell at each reference date (one row per organisation);
-- materialised: the planner cannot estimate these range joins and families join them again
create or replace table active_members as
select r.idx, r.d, m.scope_type, m.scope, m.organisation_id, any_value(m.sector) as sector
from c_members as m
join ref_dates as r on m.joined_on <= r.d and (m.left_on is null or m.left_on > r.d)
group by all;

create or replace view c_projects as
select 'netwerk' as scope_type, network as scope, * exclude (file_index, line) from projects
union all
select 'totaal', 'alle', * exclude (file_index, line) from projects;

-- projects active at each reference date (a stopped project without end date never is), once
-- per project and date: the families expand them to their scopes themselves
create or replace view project_dates as
select r.idx, r.d, r.is_as_of, p.project_id, p.network, p.stage
from projects as p
join ref_dates as r
  on p.start_on <= r.d and (p.end_on is null or p.end_on >= r.d)
  and not (p.stage = 'gestopt' and p.end_on is null);

-- partners of a project: its partner rows plus the lead organisation, once each, with the
-- partner rows' sector (from the exports projects and project_partners alone)
create or replace view project_partner_pairs as
with listed as (
  select project_id, organisation_id, sector as row_sector from project_partners
  union all
  select project_id, lead_organisation_id, null from projects where lead_organisation_id is not null
)
select project_id, organisation_id, max(row_sector) as row_sector from listed group by all;

-- the same with their sector: the member sector, else the partner row's sector, else unknown
create or replace view project_partner_set as
select p.project_id, p.organisation_id, coalesce(o.sector, p.row_sector) as sector,
  o.organisation_id is not null as is_member
from project_partner_pairs as p left join organisations as o using (organisation_id);

-- milestones that count (not cancelled), per region and in total
create or replace view c_milestones as
select 'iza_regio' as scope_type, iza_region as scope, * exclude (file_index, line) from milestones
where not coalesce(cancelled, false)
union all
select 'totaal', 'alle', * exclude (file_index, line) from milestones
where not coalesce(cancelled, false);
`;
}

/**
 * The context tables over exports alone, built after contextSql (and kept by an incremental
 * refresh that keeps their exports): `active_projects`, the projects active at as_of per scope
 * with their columns, which the site marts (src/site), member_activity and the signals read;
 * earlier dates are in project_dates.
 */
export const contextTables: readonly ExportOnlyTable[] = [
  {
    name: "active_projects",
    inputs: ["projects"],
    query: sql`
select r.idx, r.d, r.is_as_of, p.*
from c_projects as p
join ref_dates as r
  on r.is_as_of and p.start_on <= r.d and (p.end_on is null or p.end_on >= r.d)
  and not (p.stage = 'gestopt' and p.end_on is null)`,
  },
];
