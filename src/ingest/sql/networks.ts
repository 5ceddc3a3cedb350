import { sql } from "../../db/sql.ts";

/**
 * `networks`: the known networks, the distinct names in members, projects and attendance
 * together. Made once, after the clean tables: the survey's "unknown network" warning
 * (survey-warnings.ts) and the indicators' scopes (src/indicators/context.ts) both read it
 * (attendance's 4,9 M rows at national scale were scanned for it twice).
 */
export const knownNetworksSql = sql`
create or replace table networks as
select distinct network from (
  select network from members union select network from projects
  union select network from attendance
) where network is not null`;
