import { sql, ident, type Sql } from "../../db/sql.ts";

/**
 * Problems between files are warnings, not rejects (spec/contract.md): external organisations,
 * milestones of unknown projects, members whose name or sector differs between spells, and
 * stopped projects without an end date. One warning per subject, on its first line.
 */
export const organisationsSql = sql`
create or replace table organisations as
with spells as (select * from members),
ranked as (
  select *, row_number() over (
    partition by organisation_id order by joined_on desc, file_index desc, line desc
  ) as recency
  from spells
),
final as (
  select organisation_id, organisation_name, sector, subsector, municipality_code
  from ranked where recency = 1
)
select * from final order by organisation_id`;

/** An organisation id column of a file that may name organisations outside members.csv. */
function externalSql(file: string, table: string, column: string, role: string): Sql {
  const c = ident(column);
  return sql`
insert into warnings
with refs as (
  select ${c} as organisation_id, min(line) as line, count(*) as n
  from ${ident(table)}
  where ${c} is not null and ${c} not in (select organisation_id from organisations)
  group by all
)
select ${file}, line, ${column}, organisation_id, 'externe_organisatie',
  ${`${role} "`} || organisation_id || '" staat niet in members.csv (externe partij; ' || n ||
  case when n = 1 then ' rij)' else ' rijen)' end
from refs order by line;`;
}

export const warningsSql = sql`
insert into warnings
with differing as (
  select organisation_id,
    count(distinct organisation_name) as names, count(distinct sector) as sectors, max(line) as line
  from members group by all
  having count(distinct organisation_name) > 1 or count(distinct sector) > 1
)
select 'members.csv', d.line, case when d.names > 1 then 'organisation_name' else 'sector' end,
  d.organisation_id, 'afwijkende_gegevens',
  'Organisatie "' || d.organisation_id || '" heeft verschillende ' ||
  case when d.names > 1 and d.sectors > 1 then 'namen en sectoren'
       when d.names > 1 then 'namen' else 'sectoren' end ||
  ' in haar lidmaatschappen; de rij met de laatste lid_sinds telt ("' ||
  o.organisation_name || '", ' || o.sector || ').'
from differing d join organisations o using (organisation_id)
order by d.line;
${externalSql("projects.csv", "projects", "lead_organisation_id", "Penvoerder")}
${externalSql("project_partners.csv", "project_partners", "organisation_id", "Partner")}
${externalSql("funding.csv", "funding", "funder_organisation_id", "Financier")}
${externalSql("attendance.csv", "attendance", "organisation_id", "Deelnemende organisatie")}
insert into warnings
select 'projects.csv', line, 'end_on', project_id, 'gestopt_zonder_einddatum',
  'Project "' || project_id || '" is gestopt maar heeft geen einddatum; het telt op geen enkele datum als lopend.'
from projects where stage = 'gestopt' and end_on is null order by line;
insert into warnings
select 'milestones.csv', line, 'project_id', project_id, 'onbekend_project',
  'Mijlpaal "' || milestone_id || '" verwijst naar project "' || project_id ||
  '", dat niet in projects.csv staat.'
from milestones
where project_id is not null and project_id not in (select project_id from projects)
order by line;`;
