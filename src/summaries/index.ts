// "Wat is er veranderd" (issue 16): a Dutch summary of three to seven sentences per scope, in the
// table `summaries` (scope_type, scope, position, indicator_or_signal, sentence_nl). The facts
// are chosen and ordered in SQL (./facts.ts); only their wording is TypeScript (./sentences.ts).
import { rows, run, type Database } from "../db/duckdb.ts";
import { join, sql } from "../db/sql.ts";
import { signalSettings, type SignalSettings } from "../signals/settings.ts";
import { summaryFactsSql } from "./facts.ts";
import { sentenceOf, type SummaryFact } from "./sentences.ts";

export { FEWEST_SENTENCES, MOST_SENTENCES, YEAR_LAG, summaryFactsSql } from "./facts.ts";
export { sentenceOf, valueNl, type SummaryFact } from "./sentences.ts";

/** Rows per insert statement. */
const BATCH = 500;

/**
 * Builds `summary_facts` and `summaries`, after the indicators and the signals; `signals`: the
 * thresholds the refresh used (the sentences of several signals name them).
 */
export async function buildSummaries(
  db: Database,
  signals: SignalSettings = signalSettings,
): Promise<void> {
  await run(db, summaryFactsSql);
  const facts = await rows<SummaryFact>(
    db,
    sql`select scope_type, scope, position, kind, item, unit, subject_nl, before_on, now_on,
      before, now, n, message from summary_facts order by scope_type, scope, position`,
  );
  await run(
    db,
    sql`create or replace table summaries (scope_type varchar, scope varchar, position integer,
      indicator_or_signal varchar, sentence_nl varchar)`,
  );
  for (let i = 0; i < facts.length; i += BATCH) {
    const values = facts
      .slice(i, i + BATCH)
      .map(
        (f) =>
          sql`(${f.scope_type}, ${f.scope}, ${f.position}, ${f.item}, ${sentenceOf(f, signals)})`,
      );
    await run(db, sql`insert into summaries values ${join(values)}`);
  }
}
