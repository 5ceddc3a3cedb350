import { sql } from "../db/sql.ts";

/**
 * `site_members_by_region`: member organisations active at as_of per scope and gemeentecode
 * (null: none given), from active_members (src/indicators/context.ts), so that the map counts
 * exactly the organisations of indicator M1. An organisation has one gemeentecode
 * (organisations), so it counts once per scope.
 */
export const membersByRegionSql = sql`
create or replace table site_members_by_region as
select m.scope_type, m.scope, o.municipality_code, count(*)::integer as organisations
from active_members as m
join ref_dates as r on r.idx = m.idx and r.is_as_of
join organisations as o using (organisation_id)
group by all
order by all`;
