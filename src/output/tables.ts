import { ident, join, sql, type Sql } from "../db/sql.ts";

/** The kind of value in an output column, which decides how each format writes it. */
export type OutputType = "text" | "integer" | "number" | "date" | "boolean";

/** One output table of spec/outputs.md: its columns in order and the query that fills it. */
export interface OutputTable {
  readonly name: string;
  readonly columns: readonly { readonly name: string; readonly type: OutputType }[];
  /** A query over the database returning exactly `columns`; the writer sorts by all of them. */
  readonly source: Sql;
  /** The database table that `source` reads alone, when it reads one table. */
  readonly from?: string;
}

const col = (name: string, type: OutputType = "text") => ({ name, type });

export const dataQualityTable: OutputTable = {
  name: "data_quality",
  columns: [
    col("file"),
    col("status"),
    col("rows_read", "integer"),
    col("rows_loaded", "integer"),
    col("rows_rejected", "integer"),
    col("warnings", "integer"),
    col("note"),
  ],
  source: sql`select * from data_quality`,
  from: "data_quality",
};

export const rejectsTable: OutputTable = {
  name: "rejects",
  columns: [
    col("file"),
    col("line", "integer"),
    col("column"),
    col("value"),
    col("reason"),
    col("message_nl"),
  ],
  source: sql`select * from rejects`,
  from: "rejects",
};

/** A table written under `name` from the database table of the same name (or `table`). */
const t = (table: string, columns: OutputTable["columns"]): OutputTable => ({
  name: table.replace(/_detail$/, ""),
  columns,
  source: sql`select ${join(columns.map((c) => ident(c.name)))} from ${ident(table)}`,
  from: table,
});

export const indicatorsTable = t("indicators", [
  col("scope_type"),
  col("scope"),
  col("indicator"),
  col("period_end", "date"),
  col("value", "number"),
]);

export const catalogTable: OutputTable = {
  name: "indicator_catalog",
  columns: [
    col("indicator"),
    col("group"),
    col("name_nl"),
    col("name_en"),
    col("unit"),
    col("direction"),
    col("definition_nl"),
    col("news_threshold", "number"),
  ],
  source: sql`select indicator, "group", name_nl, name_en, unit, direction, definition_nl,
    news_threshold::double as news_threshold from catalog`,
};

/** "Wat is er veranderd": the sentences of every scope's summary (src/summaries). */
export const summariesTable = t("summaries", [
  col("scope_type"),
  col("scope"),
  col("position", "integer"),
  col("indicator_or_signal"),
  col("sentence_nl"),
]);

export const detailTables: readonly OutputTable[] = [
  t("members_by_sector", [
    col("scope"),
    col("period_end", "date"),
    col("sector"),
    col("organisations", "integer"),
  ]),
  t("projects_detail", [
    col("project_id"),
    col("project_name"),
    col("network"),
    col("theme"),
    col("iza_theme"),
    col("stage"),
    col("start_on", "date"),
    col("end_on", "date"),
    col("partners", "integer"),
    col("sectors"),
    col("funding_total_eur", "number"),
    col("funded_until_year", "integer"),
    col("structural_share", "number"),
  ]),
  t("funding_by_source", [
    col("network"),
    col("year", "integer"),
    col("source_type"),
    col("kind"),
    col("amount_eur", "number"),
  ]),
  t("events", [
    col("event_id"),
    col("event_name"),
    col("event_date", "date"),
    col("event_type"),
    col("network"),
    col("registrations", "integer"),
    col("attended", "integer"),
    col("organisations", "integer"),
  ]),
  t("member_activity", [
    col("organisation_id"),
    col("organisation_name"),
    col("network"),
    col("sector"),
    col("municipality_code"),
    col("joined_on", "date"),
    col("left_on", "date"),
    col("active_projects", "integer"),
    col("attended_12m", "integer"),
    col("last_activity_on", "date"),
  ]),
  t("iza_progress", [
    col("iza_region"),
    col("iza_theme"),
    col("milestones", "integer"),
    col("completed", "integer"),
    col("due", "integer"),
    col("on_time", "integer"),
    col("overdue", "integer"),
  ]),
  t("survey_factors", [
    col("network"),
    col("round_on", "date"),
    col("kind"),
    col("factor"),
    col("respondents", "integer"),
    col("share", "number"),
  ]),
  t("signals", [
    col("signal"),
    col("severity"),
    col("scope_type"),
    col("scope"),
    col("subject_id"),
    col("message_nl"),
  ]),
];

/** What changed since the previous refresh (src/refresh/changes-sql.ts; issue 16 point 2). */
export const changesTable: OutputTable = {
  name: "changes",
  columns: [
    col("section"),
    col("subject"),
    col("scope_type"),
    col("scope"),
    col("subject_id"),
    col("change"),
    col("severity"),
    col("added", "integer"),
    col("removed", "integer"),
    col("changed", "integer"),
    col("old_period_end", "date"),
    col("old_value", "number"),
    col("new_period_end", "date"),
    col("new_value", "number"),
    col("message_nl"),
  ],
  source: sql`select * from changes`,
  from: "changes",
};

/** Every table a refresh writes, in the order of spec/outputs.md. */
export const outputTables: readonly OutputTable[] = [
  indicatorsTable,
  catalogTable,
  ...detailTables,
  summariesTable,
  dataQualityTable,
  rejectsTable,
  // issue 16 point 2: "Sinds de vorige verversing"
  changesTable,
];
