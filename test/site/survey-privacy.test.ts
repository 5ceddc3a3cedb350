// Privacy of the partner survey (spec/survey.md, "Outputs"): no output file, page or payload of
// the built site may show one organisation's answers, a score about one named organisation, or
// which organisations responded. Searched for: every respondent's organisation id with a survey
// score or answer in the same record (a CSV line or a JSON object), and the survey's own payload
// for any organisation or response id at all. `npm run build` must have run first (dist/).
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { tableFromIPC } from "apache-arrow";
import Papa from "papaparse";
import { beforeAll, describe, expect, it } from "vitest";
import { openDatabase, closeDatabase, rows } from "../../src/db/duckdb.ts";
import { sql } from "../../src/db/sql.ts";
import { refreshInto, capture } from "../cli/cli-helpers.ts";
import { tempDir } from "../helpers.ts";

const root = fileURLToPath(new URL("../..", import.meta.url));
const SAMPLE = join(root, "data", "exports");
const dist = join(root, "dist");

/** Names of the survey's scores and answers, as columns, JSON keys or indicator ids. */
const SURVEY_SCORE =
  /\b(trust|dependence|layers|future|reach|barriers|success_factors|afhankelijkheid|bereikbaarheid|belemmering(en)?|succesfactor(en)?|ervaren_[a-z]+|wederzijdse_relaties|enquete_respons|response_id|antwoord_id)\b/i;
const RECORD_REACH = 400;

/** The record around position `at`: from the last line start or `{` to the next line end or `}`. */
function recordAround(text: string, at: number, length: number): string {
  const from = Math.max(0, at - RECORD_REACH);
  const before = text.slice(from, at);
  const start = from + Math.max(before.lastIndexOf("\n"), before.lastIndexOf("{")) + 1;
  const after = text.slice(at + length, at + length + RECORD_REACH);
  const ends = [after.indexOf("\n"), after.indexOf("}")].filter((i) => i >= 0);
  return text.slice(start, at + length + (ends.length ? Math.min(...ends) : after.length));
}

/**
 * Every record of `text` that names one of `ids` beside a survey score or answer. A record is a
 * JSON object or a line; a line is read with the text's first line (a CSV file's header).
 */
export function scoredRecords(text: string, ids: ReadonlySet<string>): string[] {
  const found: string[] = [];
  const header = text.slice(0, Math.max(0, text.indexOf("\n")));
  for (const match of text.matchAll(/\b(?:ORG|EXT)-\d+\b/g)) {
    if (!ids.has(match[0])) continue;
    const around = recordAround(text, match.index, match[0].length);
    const record = around.includes("{") || around.includes("}") ? around : `${header}\n${around}`;
    if (SURVEY_SCORE.test(record)) found.push(`${match[0]}: ${record.slice(0, 200)}`);
  }
  return found;
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

/**
 * A file as a reader sees it, one record a line: parquet through DuckDB, Arrow IPC through
 * apache-arrow (its strings lie back to back in the file), anything else as its text.
 */
async function fileText(path: string): Promise<string> {
  if (path.endsWith(".arrow")) {
    return tableFromIPC(readFileSync(path))
      .toArray()
      .map((r) => JSON.stringify(r.toJSON(), (_, v) => (typeof v === "bigint" ? Number(v) : v)))
      .join("\n");
  }
  if (!path.endsWith(".parquet")) return readFileSync(path, "utf8");
  const db = await openDatabase(":memory:");
  try {
    const found = await rows(db, sql`select * from read_parquet(${path})`);
    return found.map((r) => JSON.stringify(r)).join("\n");
  } finally {
    closeDatabase(db);
  }
}

describe("privacy: the partner survey", () => {
  let respondents = new Set<string>();

  beforeAll(() => {
    const text = readFileSync(join(SAMPLE, "survey_responses.csv"), "utf8");
    const table = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true });
    respondents = new Set(table.data.map((r) => r["organisation_id"] ?? "").filter(Boolean));
  });

  it("finds a respondent beside a score where there is one (so the checks below can fail)", () => {
    expect(respondents.size).toBeGreaterThan(80);
    const relations = readFileSync(join(SAMPLE, "survey_relations.csv"), "utf8");
    expect(scoredRecords(relations, respondents).length).toBeGreaterThan(1000);
    const one = [...respondents][0]!;
    expect(scoredRecords(`[{"organisation_id":"${one}","trust":3}]`, respondents)).toHaveLength(1);
    expect(scoredRecords(`{"organisation_id":"${one}","sector":"zorg"}`, respondents)).toEqual([]);
    expect(scoredRecords(`organisation_id,sector\n${one},zorg\n`, respondents)).toEqual([]);
  });

  it("no output file names a respondent beside a survey score", async () => {
    const out = join(tempDir(), "out");
    expect((await refreshInto(SAMPLE, out, [], capture())).status).toBe(0);
    const files = walk(out);
    expect(files.some((f) => f.endsWith("survey_factors.csv"))).toBe(true);
    for (const path of files) {
      expect(scoredRecords(await fileText(path), respondents), path).toEqual([]);
    }
  });

  it("no page or payload of the built site names a respondent beside a survey score", async () => {
    const files = walk(dist);
    const survey = files.find((f) => /[/\\]enquete\.[0-9a-f]+\.json$/.test(f));
    expect(survey, "dist/ built: run `npm run build` first").toBeDefined();
    expect(files.some((f) => /[/\\]enquete\.html$/.test(f))).toBe(true);
    // The survey's own payload holds no organisation and no response at all.
    const payload = readFileSync(survey!, "utf8");
    expect(JSON.parse(payload).delivered).toBe(true);
    expect(payload).not.toMatch(/\b(?:ORG|EXT)-\d+\b|\bANT-\d{6}\b/);
    for (const path of files) {
      expect(scoredRecords(await fileText(path), respondents), path).toEqual([]);
    }
  });
});
