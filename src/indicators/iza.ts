import { sql, type Sql } from "../db/sql.ts";
import type { CatalogEntry, IndicatorFamily } from "./types.ts";
import { valuesCtes } from "./values.ts";

const scopeTypes = ["iza_regio", "totaal"] as const;
const requires = ["milestones"] as const;

const entries: readonly CatalogEntry[] = [
  {
    code: "I1",
    id: "mijlpalen_totaal",
    group: "iza",
    name_nl: "Mijlpalen",
    name_en: "Milestones",
    unit: "aantal",
    direction: "neutraal",
    newsThreshold: 0.1,
    subject_nl: "het aantal mijlpalen",
    definition_nl:
      "Aantal mijlpalen van het regioplan, op elke peildatum hetzelfde. Geschrapte mijlpalen tellen niet mee.",
    zeroWhenEmpty: true,
    requires,
    scopeTypes,
    value: { from: sql`milestone_stats`, expr: sql`n_milestones` },
  },
  {
    code: "I2",
    id: "mijlpalen_gereed",
    group: "iza",
    name_nl: "Gereed",
    name_en: "Completed",
    unit: "aantal",
    direction: "hoger_is_beter",
    newsThreshold: 0.05,
    subject_nl: "het aantal mijlpalen gereed",
    definition_nl: "Aantal niet-geschrapte mijlpalen dat op of vóór de peildatum gereed was.",
    zeroWhenEmpty: true,
    requires,
    scopeTypes,
    value: { from: sql`milestone_stats`, expr: sql`n_completed` },
  },
  {
    code: "I3",
    id: "op_tijd_aandeel",
    group: "iza",
    name_nl: "Op tijd gereed",
    name_en: "Completed on time",
    unit: "aandeel",
    direction: "hoger_is_beter",
    newsThreshold: 0.05,
    subject_nl: "het aandeel mijlpalen dat op tijd gereed was",
    definition_nl:
      "Van de niet-geschrapte mijlpalen met een deadline op of vóór de peildatum, het aandeel dat uiterlijk op de deadline en uiterlijk op de peildatum gereed was. Leeg als nog geen deadline verstreken is.",
    zeroWhenEmpty: false,
    requires,
    scopeTypes,
    value: {
      from: sql`milestone_stats`,
      expr: sql`case when n_due > 0 then n_on_time / n_due end`,
    },
  },
  {
    code: "I4",
    id: "achterstallig",
    group: "iza",
    name_nl: "Achterstallig",
    name_en: "Overdue",
    unit: "aantal",
    direction: "lager_is_beter",
    newsThreshold: 0.1,
    subject_nl: "het aantal achterstallige mijlpalen",
    definition_nl:
      "Aantal niet-geschrapte mijlpalen met een deadline op of vóór de peildatum die op de peildatum nog niet gereed waren.",
    zeroWhenEmpty: true,
    requires,
    scopeTypes,
    value: { from: sql`milestone_stats`, expr: sql`n_overdue` },
  },
  {
    code: "I5",
    id: "voortgang",
    group: "iza",
    name_nl: "Voortgang",
    name_en: "Progress",
    unit: "aandeel",
    direction: "hoger_is_beter",
    newsThreshold: 0.05,
    subject_nl: "de voortgang van het regioplan",
    definition_nl:
      "Aandeel van de niet-geschrapte mijlpalen dat op de peildatum gereed is (gereed gedeeld door het aantal mijlpalen). Leeg zonder mijlpalen.",
    zeroWhenEmpty: false,
    requires,
    scopeTypes,
    value: { from: sql`milestone_stats`, expr: sql`n_completed / n_milestones` },
  },
];

/** The I family's query over the context views (one row per scope, indicator and date). */
export function izaSql(): Sql {
  return sql`
with milestone_rows as (
  select scope_type, scope, milestone_id, due_on, completed_on from c_milestones
),
dates as (
  select idx, d from ref_dates
),
milestone_stats as (
  select m.scope_type, m.scope, r.d,
    count(*)::double as n_milestones,
    count(*) filter (where m.completed_on <= r.d)::double as n_completed,
    count(*) filter (where m.due_on <= r.d)::double as n_due,
    count(*) filter (
      where m.due_on <= r.d and m.completed_on <= m.due_on and m.completed_on <= r.d
    )::double as n_on_time,
    count(*) filter (
      where m.due_on <= r.d and (m.completed_on is null or m.completed_on > r.d)
    )::double as n_overdue
  from milestone_rows as m
  cross join dates as r
  group by m.scope_type, m.scope, r.d
),
${valuesCtes(entries)}
select * from final`;
}

/** I1–I5: progress of the IZA regional plans' milestones. */
export const iza: IndicatorFamily = {
  group: "iza",
  entries,
  sql: izaSql(),
};
