import { sql, type Sql } from "../db/sql.ts";
import type { CatalogEntry, IndicatorFamily } from "./types.ts";
import { valuesCtes } from "./values.ts";

const scopeTypes = ["netwerk", "totaal"] as const;
const requires = ["members"] as const;

const entries: readonly CatalogEntry[] = [
  {
    code: "M1",
    id: "leden_actief",
    group: "leden",
    name_nl: "Actieve leden",
    name_en: "Active members",
    unit: "aantal",
    direction: "hoger_is_beter",
    newsThreshold: 0.05,
    subject_nl: "het aantal actieve leden",
    definition_nl:
      "Aantal verschillende organisaties met een lidmaatschap dat op de peildatum loopt: lid sinds op of vóór de peildatum en niet uitgeschreven op of vóór de peildatum. In het totaal telt een organisatie die lid is van meerdere netwerken één keer.",
    zeroWhenEmpty: true,
    requires,
    scopeTypes,
    value: { from: sql`composition`, expr: sql`n_active` },
  },
  {
    code: "M2",
    id: "leden_instroom",
    group: "leden",
    name_nl: "Instroom",
    name_en: "Inflow",
    unit: "aantal",
    direction: "hoger_is_beter",
    newsThreshold: 0.5,
    subject_nl: "de instroom van nieuwe leden",
    definition_nl:
      "Aantal lidmaatschappen dat begon na de vorige peildatum en uiterlijk op de peildatum (voor de eerste peildatum: de drie maanden ervoor). Het totaal is de som over de netwerken.",
    zeroWhenEmpty: true,
    requires,
    scopeTypes,
    value: { from: sql`inflow`, expr: sql`n::double` },
  },
  {
    code: "M3",
    id: "leden_uitstroom",
    group: "leden",
    name_nl: "Uitstroom",
    name_en: "Outflow",
    unit: "aantal",
    direction: "lager_is_beter",
    newsThreshold: 0.5,
    subject_nl: "de uitstroom van leden",
    definition_nl:
      "Aantal lidmaatschappen dat eindigde na de vorige peildatum en uiterlijk op de peildatum (voor de eerste peildatum: de drie maanden ervoor). Het totaal is de som over de netwerken.",
    zeroWhenEmpty: true,
    requires,
    scopeTypes,
    value: { from: sql`outflow`, expr: sql`n::double` },
  },
  {
    code: "M4",
    id: "retentie_12m",
    group: "leden",
    name_nl: "Behoud na 12 maanden",
    name_en: "Retention after 12 months",
    unit: "aandeel",
    direction: "hoger_is_beter",
    newsThreshold: 0.05,
    subject_nl: "het behoud van leden na twaalf maanden",
    definition_nl:
      "Van de organisaties die twaalf maanden vóór de peildatum actief lid waren, het aandeel dat op de peildatum nog actief lid is. Leeg als er twaalf maanden eerder geen actieve leden waren.",
    zeroWhenEmpty: false,
    requires,
    scopeTypes,
    value: { from: sql`retention`, expr: sql`share_retained` },
  },
  {
    code: "M5",
    id: "sectoren_aanwezig",
    group: "leden",
    name_nl: "Sectoren aanwezig",
    name_en: "Sectors present",
    unit: "aantal",
    direction: "hoger_is_beter",
    newsThreshold: 0.1,
    subject_nl: "het aantal sectoren onder de leden",
    definition_nl:
      "Aantal verschillende sectoren onder de actieve leden op de peildatum. De sector van een organisatie is die van haar meest recente lidmaatschap.",
    zeroWhenEmpty: true,
    requires,
    scopeTypes,
    value: { from: sql`composition`, expr: sql`n_sectors` },
  },
  {
    code: "M6",
    id: "sectordiversiteit",
    group: "leden",
    name_nl: "Sectordiversiteit (Blau)",
    name_en: "Sector diversity (Blau)",
    unit: "index",
    direction: "hoger_is_beter",
    newsThreshold: 0.05,
    subject_nl: "de sectordiversiteit",
    definition_nl:
      "Blau-index van de sectoren van de actieve leden: 1 min de som van de gekwadrateerde aandelen per sector. 0 als alle leden uit één sector komen; leeg zonder actieve leden.",
    zeroWhenEmpty: false,
    requires,
    scopeTypes,
    value: { from: sql`composition`, expr: sql`blau` },
  },
  {
    code: "M7",
    id: "buiten_zorg_aandeel",
    group: "leden",
    name_nl: "Aandeel buiten zorg en welzijn",
    name_en: "Share outside care and welfare",
    unit: "aandeel",
    direction: "hoger_is_beter",
    newsThreshold: 0.05,
    subject_nl: "het aandeel leden buiten zorg en welzijn",
    definition_nl:
      "Aandeel van de actieve leden op de peildatum met een andere sector dan zorg of welzijn. Leeg zonder actieve leden.",
    zeroWhenEmpty: false,
    requires,
    scopeTypes,
    value: { from: sql`composition`, expr: sql`share_outside_care` },
  },
  {
    code: "M8",
    id: "gouden_driehoek",
    group: "leden",
    name_nl: "Gouden driehoek compleet",
    name_en: "Golden triangle complete",
    unit: "ja/nee",
    direction: "hoger_is_beter",
    newsThreshold: 1,
    subject_nl: "de gouden driehoek",
    definition_nl:
      "1 als de actieve leden op de peildatum ten minste één organisatie uit onderwijs, één uit overheid en één uit zorg of welzijn omvatten, anders 0 (ook zonder actieve leden).",
    zeroWhenEmpty: true,
    requires,
    scopeTypes,
    value: { from: sql`composition`, expr: sql`golden_triangle` },
  },
];

/** M2 and M3: spells starting or ending in (prev(d), d]; the total counts every spell. */
const flowCtes = sql`
inflow as (
  select s.scope_type, s.scope, r.d, count(*) as n
  from spells as s
  join dates as r on s.joined_on > r.prev and s.joined_on <= r.d
  group by s.scope_type, s.scope, r.d
),
outflow as (
  select s.scope_type, s.scope, r.d, count(*) as n
  from spells as s
  join dates as r on s.left_on > r.prev and s.left_on <= r.d
  group by s.scope_type, s.scope, r.d
)`;

/** M4: organisations active at d − 12 months (clamped, see ref_dates.d12), and those still active at d. */
const retentionCtes = sql`
active_year_ago as (
  select distinct s.scope_type, s.scope, r.idx, r.d, s.organisation_id
  from spells as s
  join dates as r on s.joined_on <= r.d12 and (s.left_on is null or s.left_on > r.d12)
),
retention as (
  select y.scope_type, y.scope, y.d,
    count(m.organisation_id)::double / count(*) as share_retained
  from active_year_ago as y
  left join members_at as m using (scope_type, scope, idx, organisation_id)
  group by y.scope_type, y.scope, y.d
)`;

/** M1 and M5–M8: the active organisations per scope and date, by sector. */
const compositionCtes = sql`
sector_counts as (
  select scope_type, scope, d, sector, count(*) as n
  from members_at
  group by scope_type, scope, d, sector
),
composition as (
  -- integer sums first, one division last: exact and independent of summation order
  select scope_type, scope, d,
    sum(n)::double as n_active,
    count(sector)::double as n_sectors,
    1 - sum(n * n)::double / (sum(n) * sum(n))::double as blau,
    coalesce(sum(n) filter (where sector not in ('zorg', 'welzijn')), 0)::double / sum(n)::double
      as share_outside_care,
    case
      when bool_or(sector = 'onderwijs') and bool_or(sector = 'overheid')
        and bool_or(sector in ('zorg', 'welzijn'))
      then 1.0 else 0.0
    end as golden_triangle
  from sector_counts
  group by scope_type, scope, d
)`;

/** The M family's query over the context views (one row per scope, indicator and date). */
export function membershipSql(): Sql {
  return sql`
with spells as (
  select scope_type, scope, organisation_id, joined_on, left_on from c_members
),
members_at as (
  select idx, d, scope_type, scope, organisation_id, sector from active_members
),
dates as (
  select idx, d, prev, d12 from ref_dates
),
${flowCtes},
${retentionCtes},
${compositionCtes},
${valuesCtes(entries)}
select * from final`;
}

/** M1–M8: membership, its flows and its sector mix. */
export const membership: IndicatorFamily = {
  group: "leden",
  entries,
  sql: membershipSql(),
};
