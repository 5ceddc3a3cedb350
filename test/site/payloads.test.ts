// Every page renders the same numbers as before the loaders became shims over the site marts:
// the new loaders' payloads, over a refresh of the sample, equal the golden payloads that the old
// loaders wrote (test/site/payloads/README.md), value for value. The payloads are read as the
// loaders read them: from the cache that loaders/site-fill.ts fills once per database, and every
// loader file of docs/data, run by node, writes its cached bytes. One intended difference: the
// old "last 12 months" of the page Bijeenkomsten started a day late at an as-of of 29-02 (it
// computed 01-03 instead of indicators.md's clamped 28-02).
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { tableFromIPC, type Table } from "apache-arrow";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { scopePayload, sitePayload, type ScopeKind } from "../../loaders/site-cache.js";
import { SITE_FILES } from "../../loaders/site-fill.ts";
import { ALL_KEY, SURVEY_INDICATORS } from "../../src/site/index.ts";
// @ts-expect-error: a page component, plain JavaScript without types
import { rowsOf as pageRowsOf } from "../../docs/components/arrow.js";
import { tempDir } from "../helpers.ts";

const goldens = new URL("./payloads/", import.meta.url).pathname;
const AS_OFS = ["2026-09-30", "2024-02-29"] as const;

/** The sample refreshed at each peildatum, shared by the tests (test/global-setup.ts). */
const refreshed = new Map<string, { out: string; db: string }>();

/** The loaders' settings this file changes; restored after it, for the files after it. */
const ENV = ["REGIOMONITOR_SITE_CACHE", "REGIOMONITOR_DB", "REGIOMONITOR_OUT"] as const;
const saved = Object.fromEntries(ENV.map((name) => [name, process.env[name]]));

beforeAll(() => {
  process.env.REGIOMONITOR_SITE_CACHE = join(tempDir(), "cache");
  for (const asOf of AS_OFS) refreshed.set(asOf, inject("sample")[asOf]);
});

afterAll(() => {
  for (const name of ENV) {
    if (saved[name] === undefined) delete process.env[name];
    else process.env[name] = saved[name];
  }
});

const golden = (asOf: string, name: string): unknown =>
  JSON.parse(readFileSync(join(goldens, asOf, `${name}.json`), "utf8"));

/** Values that mark a part of a payload as the partner survey's (issue 14, after these goldens). */
const SURVEY_MARKS = new Set<unknown>([
  ...SURVEY_INDICATORS,
  "survey_responses.csv",
  "survey_relations.csv",
  "survey_factors",
  "enquete",
  // the two vocabularies of the survey in meta.json
  "barrier",
  "success_factor",
]);
/**
 * The payload without what the survey added to it: list elements (rows, series, catalog entries,
 * files, tables) that name an S indicator, a survey file or survey_factors, and keys named after
 * an S indicator. The goldens predate the survey; everything else must be as it was.
 */
function withoutSurvey(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value
      .filter(
        (v) => !(v && typeof v === "object" && Object.values(v).some((x) => SURVEY_MARKS.has(x))),
      )
      .map(withoutSurvey);
  }
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([k]) => !SURVEY_MARKS.has(k))
        .map(([k, v]) => [k, withoutSurvey(v)]),
    );
  }
  return value;
}

/**
 * The row counts the survey adds to the downloads of the sample: S1–S8 for the three networks
 * and "alle" at the 12 reference dates, their catalog entries, the two survey files in
 * data_quality and their eight documented bad rows in rejects (data/README.md).
 */
const SURVEY_ROWS: Record<string, number> = {
  indicators: SURVEY_INDICATORS.length * 4 * 12,
  indicator_catalog: SURVEY_INDICATORS.length,
  data_quality: 2,
  rejects: 8,
};
interface Downloads {
  tables: { name: string; rows: number }[];
}
const withSurveyRows = (old: Downloads): Downloads => ({
  tables: old.tables.map((t) => ({ ...t, rows: t.rows + (SURVEY_ROWS[t.name] ?? 0) })),
});

/**
 * The downloads with what issue 16 added: the table summaries after signals, with the rows of
 * its CSV in the output folder `out` (a sentence holds no line break).
 */
const withSummaries = (old: Downloads, out: string): Downloads => {
  const lines = readFileSync(join(out, "summaries.csv"), "utf8").split("\n").filter(Boolean);
  const at = old.tables.findIndex((t) => t.name === "signals") + 1;
  const tables = [...old.tables];
  tables.splice(at, 0, { name: "summaries", rows: lines.length - 1 });
  return { tables };
};

/** The catalog's rows without news_threshold (issue 16, after these goldens), which is checked. */
const withoutThreshold = (rows: Record<string, unknown>[]) =>
  rows.map(({ news_threshold, ...rest }) => {
    expect(news_threshold, String(rest.indicator)).toBeGreaterThan(0);
    return rest;
  });

const rowsOf = pageRowsOf as (table: Table) => Record<string, unknown>[];
const arrowRows = (bytes: Uint8Array) =>
  withoutSurvey(rowsOf(tableFromIPC(bytes))) as Record<string, unknown>[];
/** A whole-site file of docs/data, as its loader serves it (from the cache), survey parts removed. */
const site = async (name: string, db: string) =>
  JSON.stringify(withoutSurvey(JSON.parse((await sitePayload(name, db)).toString("utf8"))));
const siteArrow = async (name: string, db: string) => arrowRows(await sitePayload(name, db));

/**
 * At as-of 29-02-2024 the sample has one meeting on 01-03-2023 (EVT-000091 of CIC
 * West-Brabant): in the 12 months up to the peildatum by indicators.md, outside the old loaders'
 * window. The new payloads are the old ones plus that meeting.
 */
const DAY = "2023-03-01";
const ADDED = "EVT-000091";
const correction = (asOf: string) => asOf === "2024-02-29";
interface Meeting {
  event_id: string;
  event_date: string;
}

describe.each(AS_OFS)("the payloads at as-of %s", (asOf) => {
  const env = () => {
    const { out, db } = refreshed.get(asOf)!;
    process.env.REGIOMONITOR_DB = db;
    process.env.REGIOMONITOR_OUT = out;
    return { out, db };
  };

  it("output tables as Arrow: the same rows as the old JSON", async () => {
    const { db } = env();
    for (const name of [
      "data_quality",
      "funding_by_source",
      "indicator_catalog",
      "iza_progress",
      "members_by_sector",
      "rejects",
      "signals",
    ]) {
      const found = await siteArrow(`${name}.arrow`, db);
      expect(name === "indicator_catalog" ? withoutThreshold(found) : found, name).toEqual(
        golden(asOf, name),
      );
    }
    // The catalog as JSON (network and region pages): the rows the page would decode from Arrow.
    const catalog = JSON.parse((await sitePayload("indicator_catalog.json", db)).toString("utf8"));
    expect(catalog).toEqual(rowsOf(tableFromIPC(await sitePayload("indicator_catalog.arrow", db))));
    expect(catalog.length).toBeGreaterThan(20);
    // The signals of Financiering: the rows of signals with that signal, in the same order.
    const risks = (golden(asOf, "signals") as { signal: string }[]).filter(
      (s) => s.signal === "verduurzaming_risico",
    );
    expect(await siteArrow("signals-verduurzaming.arrow", db)).toEqual(risks);
    const roles = await siteArrow("event_roles.arrow", db);
    if (correction(asOf)) {
      expect(roles.filter((r) => r.event_id === ADDED).length).toBeGreaterThan(0);
      expect(roles.filter((r) => r.event_id !== ADDED)).toEqual(golden(asOf, "event_roles"));
    } else expect(roles).toEqual(golden(asOf, "event_roles"));
  });

  it("whole-site JSON files", async () => {
    const { db, out } = env();
    const meta = JSON.parse(await site("meta.json", db));
    expect(meta.refreshed_at).toMatch(/^\d{4}-/);
    delete meta.refreshed_at;
    expect(meta).toEqual(golden(asOf, "meta"));
    expect(JSON.parse(await site("indicator_series.json", db))).toEqual(
      golden(asOf, "indicator_series"),
    );
    const projects = JSON.parse(await site("projects_summary.json", db));
    const old = golden(asOf, "projects_summary") as typeof projects;
    // The theme counts are one row per (theme, stage): now sorted by theme and stage.
    const themeKey = (t: { theme: string | null; stage: string }) =>
      `${t.theme ?? "~"}\u0000${t.stage}`;
    for (const scope of Object.values(old.scopes) as {
      themes: { theme: string | null; stage: string }[];
    }[]) {
      scope.themes.sort((a, b) => (themeKey(a) < themeKey(b) ? -1 : 1));
    }
    expect(projects).toEqual(old);
    expect(JSON.parse(await site("members_by_region.json", db))).toEqual(
      golden(asOf, "members_by_region"),
    );
    expect(JSON.parse(await site("iza-mijlpalen.json", db))).toEqual(golden(asOf, "iza-mijlpalen"));
    expect(JSON.parse(await site("methode.json", db))).toEqual(golden(asOf, "methode"));
    const downloads = JSON.parse(await site("downloads.json", db));
    expect({
      tables: downloads.tables.map((t: { name: string; rows: number }) => ({
        name: t.name,
        rows: t.rows,
      })),
    }).toEqual({
      // summaries and changes (issue 16) came after the goldens; changes: one row, the sample
      // has no previous refresh
      tables: [
        ...withSummaries(withSurveyRows(golden(asOf, "downloads") as Downloads), out).tables,
        { name: "changes", rows: 1 },
      ],
    });
    expect(JSON.parse(await site("changes.json", db))).toEqual({
      previous: false,
      previous_as_of: null,
      as_of: asOf,
      files: [],
      indicators_moved: 0,
      indicators: [],
      signals_new: 0,
      signals_resolved: 0,
      signals: [],
    });
  });

  it("the meetings of the last 12 months: the window of indicator E1", async () => {
    const { db } = env();
    const events = JSON.parse(await site("events_summary.json", db));
    const old = golden(asOf, "events_summary") as typeof events;
    if (correction(asOf)) {
      // The old window (01-03-2023, 29-02-2024]; indicators.md's is (28-02-2023, 29-02-2024].
      expect(old.year_ago).toBe(DAY);
      expect(events.year_ago).toBe("2023-02-28");
      old.year_ago = events.year_ago;
      type Scope = { last_year: number; recent: Meeting[] };
      for (const [name, scope] of Object.entries(events.scopes) as [string, Scope][]) {
        const added = scope.recent.filter((e) => e.event_date === DAY);
        expect(
          added.map((e) => e.event_id),
          name,
        ).toEqual(
          ["alle", "CIC West-Brabant"].includes(name) && scope.last_year <= 24
            ? [ADDED]
            : added.map((e) => e.event_id),
        );
        scope.recent = scope.recent.filter((e) => e.event_date !== DAY);
        if (["alle", "CIC West-Brabant"].includes(name)) scope.last_year -= 1;
      }
      const list = events.lists.find((l: { key: string }) => l.key === "cic-west-brabant");
      list.rows -= 1;
    }
    expect(events).toEqual(old);
  });

  it("the indicator series per scope and per indicator: indicator_series.json cut, served by its loaders", async () => {
    const { out, db } = env();
    const whole = golden(asOf, "indicator_series") as {
      reference_dates: string[];
      series: { scope_type: string; scope: string; indicator: string }[];
    };
    const meta = JSON.parse(await site("meta.json", db)) as {
      networks: { name: string; slug: string }[];
    };
    const scopes = [
      { scope_type: "totaal", scope: "alle", key: ALL_KEY },
      ...meta.networks.map((n) => ({ scope_type: "netwerk", scope: n.name, key: n.slug })),
    ];
    let count = 0;
    for (const { scope_type, scope, key } of scopes) {
      const payload = await scopePayload("indicatoren", key, db);
      const series = whole.series.filter((s) => s.scope_type === scope_type && s.scope === scope);
      expect(series.length, key).toBeGreaterThan(0);
      expect(withoutSurvey(JSON.parse(payload)), key).toEqual({
        reference_dates: whole.reference_dates,
        series,
      });
      count += series.length;
      const written = execFileSync(
        process.execPath,
        ["docs/data/indicatoren/[sleutel].json.js", `--sleutel=${key}`],
        { env: { ...process.env, REGIOMONITOR_DB: db, REGIOMONITOR_OUT: out } },
      );
      expect(written.toString("utf8"), key).toBe(payload);
    }
    // Every series of the scopes a page can select; the IZA regions' are in no selector.
    expect(count).toBe(whole.series.filter((s) => s.scope_type !== "iza_regio").length);
    // And per indicator: its series in every scope (IZA regions included).
    const ids = [...new Set(whole.series.map((s) => s.indicator))];
    expect(ids.length).toBeGreaterThan(20);
    for (const id of ids) {
      const series = whole.series.filter((s) => s.indicator === id);
      const payload = JSON.parse(await scopePayload("per-indicator", id, db));
      expect(payload, id).toEqual({ reference_dates: whole.reference_dates, series });
    }
  });

  it("the per-scope files, from one query shared by the loader processes", async () => {
    const { db } = env();
    const files = readdirSync(join(goldens, asOf)).filter((f) => f.includes("--"));
    const kinds = new Set<string>();
    for (const file of files) {
      const [kind, ...rest] = file.replace(/\.json$/, "").split("--");
      if (!["projecten", "bijeenkomsten", "netwerkgraaf", "netwerk"].includes(kind!)) continue;
      kinds.add(kind!);
      const key = rest.join("--");
      // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a JSON payload of any kind
      let payload: any = withoutSurvey(JSON.parse(await scopePayload(kind as ScopeKind, key, db)));
      if (correction(asOf) && file === "bijeenkomsten--cic-west-brabant.json") {
        expect(payload.filter((e: Meeting) => e.event_date === DAY).length).toBe(1);
        payload = payload.filter((e: Meeting) => e.event_date !== DAY);
      }
      expect(payload, file).toEqual(golden(asOf, file.replace(/\.json$/, "")));
    }
    expect([...kinds].sort()).toEqual(["bijeenkomsten", "netwerk", "netwerkgraaf", "projecten"]);
    expect(existsSync(process.env.REGIOMONITOR_SITE_CACHE!)).toBe(true);
  });

  it("every loader of docs/data is plain JavaScript that writes its cached file", async () => {
    const { out, db } = env();
    const loaders = readdirSync("docs/data").filter((f) => f.endsWith(".js"));
    // Payloads of the cache that no page reads, so no loader serves them: the series are cut
    // from indicator_series.json (data/indicatoren/, data/per-indicator/), and
    // funding_by_source.arrow is what site_funding is checked against (funding.test.ts).
    const unserved = ["funding_by_source.arrow", "indicator_series.json"];
    expect(loaders.map((f) => f.replace(/\.js$/, "")).sort()).toEqual(
      Object.keys(SITE_FILES)
        .filter((name) => !unserved.includes(name))
        .sort(),
    );
    for (const file of loaders) {
      const written = execFileSync(process.execPath, [join("docs/data", file)], {
        env: { ...process.env, REGIOMONITOR_DB: db, REGIOMONITOR_OUT: out },
        maxBuffer: 64 * 1024 * 1024,
      });
      expect(written.equals(await sitePayload(file.replace(/\.js$/, ""), db)), file).toBe(true);
    }
    expect(readdirSync("docs/data").filter((f) => /\.[cm]?tsx?$/.test(f))).toEqual([]);
  });
});
