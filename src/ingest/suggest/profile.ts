import { vocabularies, type ColumnSpec, type VocabularyName } from "../../contract/index.ts";
import { rows, run, type Database } from "../../db/duckdb.ts";
import { ident, join, sql } from "../../db/sql.ts";
import { parseExpr } from "../sql/checks.ts";
import type { Sample } from "./sample.ts";

/** What the first rows of one header look like: shares (0–1) of its non-empty values. */
export interface HeaderProfile {
  readonly header: string;
  readonly index: number;
  /** Non-empty values in the sample. */
  readonly filled: number;
  /** Distinct non-empty values (case-insensitive). */
  readonly distinct: number;
  readonly date: number;
  readonly number: number;
  /** Whole numbers in 1990–2100. */
  readonly year: number;
  readonly boolean: number;
  readonly municipality: number;
  /** Codes: no spaces, a digit, at most 24 characters, no date. */
  readonly idLike: number;
  /** Values with a word in them. */
  readonly letters: number;
  /** E-mail addresses and phone numbers. */
  readonly personal: number;
  readonly vocabulary: Readonly<Record<VocabularyName, number>>;
}

const vocabularyNames = Object.keys(vocabularies) as VocabularyName[];

const vocabularyColumn = (name: VocabularyName): ColumnSpec => ({
  name,
  aliases: [],
  type: "vocabulary",
  vocabulary: name,
  required: false,
  note_nl: "",
});

/** SQL that profiles the sample_values table per (grp, idx), with the contract's own parsers. */
export const profileSql = sql`
with v as (select grp, idx, rm_text(value) as t from sample_values),
filled as (select * from v where t is not null),
final as (
  select grp, idx,
    count(*)::integer as filled,
    count(distinct lower(t))::integer as distinct_values,
    avg((rm_date(t) is not null)::integer) as date,
    avg((rm_number(t) is not null)::integer) as number,
    avg(coalesce(rm_number(t) between 1990 and 2100 and rm_number(t) = floor(rm_number(t)), false)::integer) as year,
    avg((rm_bool(t) is not null)::integer) as boolean,
    avg((rm_gemeente(t) is not null)::integer) as municipality,
    avg((regexp_full_match(t, '\\S{1,24}') and regexp_matches(t, '[0-9]') and rm_date(t) is null)::integer) as id_like,
    avg(regexp_matches(t, '[A-Za-zÀ-ÿ]{2,}')::integer) as letters,
    avg((regexp_full_match(t, '[^@\\s]+@[^@\\s]+\\.[A-Za-z]{2,}')
      or (regexp_full_match(t, '(\\+|0)[0-9 ()-]{8,}') and rm_date(t) is null))::integer) as personal,
    ${join(
      vocabularyNames.map(
        (n) =>
          sql`avg((${parseExpr(vocabularyColumn(n), sql`t`)} is not null)::integer) as ${ident(`vocab_${n}`)}`,
      ),
      ",\n    ",
    )}
  from filled
  group by grp, idx
)
select * from final order by grp, idx`;

type ProfileRow = Record<string, number> & { grp: number; idx: number };

/**
 * Profiles the headers of each sample, in a database of its own (never the monitor's) that has
 * the parsing macros (src/ingest/sql/macros.ts).
 */
export async function profileSamples(
  db: Database,
  samples: readonly Sample[],
): Promise<HeaderProfile[][]> {
  await run(
    db,
    sql`create or replace table sample_values (grp integer, idx integer, value varchar)`,
  );
  const appender = await db.connection.createAppender("sample_values");
  samples.forEach((sample, grp) => {
    for (const row of sample.rows) {
      row.forEach((value, idx) => {
        appender.appendInteger(grp);
        appender.appendInteger(idx);
        appender.appendVarchar(value);
        appender.endRow();
      });
    }
  });
  appender.closeSync();
  const found = await rows<ProfileRow>(db, profileSql);
  await run(db, sql`drop table sample_values`);
  return samples.map((sample, grp) =>
    sample.header.map((header, index) => {
      const row = found.find((r) => r.grp === grp && r.idx === index);
      const get = (key: string) => Number(row?.[key] ?? 0);
      return {
        header,
        index,
        filled: get("filled"),
        distinct: get("distinct_values"),
        date: get("date"),
        number: get("number"),
        year: get("year"),
        boolean: get("boolean"),
        municipality: get("municipality"),
        idLike: get("id_like"),
        letters: get("letters"),
        personal: get("personal"),
        vocabulary: Object.fromEntries(
          vocabularyNames.map((n) => [n, get(`vocab_${n}`)]),
        ) as Record<VocabularyName, number>,
      };
    }),
  );
}
