// The pages per IZA region (issue 16 point 3): the mart site_iza_pages of a refresh of the
// sample gives every region of the indicators a page, and each page's numbers are the
// `indicators` rows of I1–I5 for that region at the twelve reference dates (never recomputed);
// its milestones' statuses at the peildatum count to I1, I2 and I4, its themes to iza_progress.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { closeDatabase, openDatabase, rows, type Database } from "../../src/db/duckdb.ts";
import { sql } from "../../src/db/sql.ts";
import { izaKey, izaKeysSql } from "../../src/site/iza-pages.ts";
import { IZA_INDICATORS, slugify } from "../../src/site/index.ts";

interface Page {
  region: string;
  indicator_series: {
    reference_dates: string[];
    series: { scope_type: string; scope: string; indicator: string; values: (number | null)[] }[];
  };
  progress: { theme: string; milestones: number; completed: number; overdue: number }[];
  cancelled: number;
  milestones: { milestone_id: string; status: string; project_id: string | null }[];
  projects: { project_id: string; milestones: number; overdue: number }[];
}

let db: Database;
let pages: Map<string, Page>;
let indicators: { scope: string; indicator: string; period_end: string; value: number | null }[];

beforeAll(async () => {
  db = await openDatabase(inject("sample")["2026-09-30"].db, { readOnly: true });
  const payloads = await rows<{ key: string; payload: string }>(
    db,
    sql`select key, payload from site_iza_pages order by key`,
  );
  pages = new Map(payloads.map((p) => [p.key, JSON.parse(p.payload) as Page]));
  indicators = await rows(
    db,
    sql`select scope, indicator, strftime(period_end, '%Y-%m-%d') as period_end, value
      from indicators where scope_type = 'iza_regio' order by scope, indicator, period_end`,
  );
});

afterAll(async () => {
  if (db) await closeDatabase(db);
});

/** The indicators' value of a region at a date. */
const valueOf = (scope: string, indicator: string, date: string) =>
  indicators.find((r) => r.scope === scope && r.indicator === indicator && r.period_end === date)
    ?.value ?? null;

describe("site_iza_pages on the sample (peildatum 30-09-2026)", () => {
  it("has a page for every IZA region of the indicators, keyed by its slug", () => {
    const regions = [...new Set(indicators.map((r) => r.scope))].sort();
    // The sample names eleven regions, ZK30 and Zuidoost-Brabant among them (the same
    // zorgkantoorregio, written two ways: two scopes of the indicators, so two pages).
    expect(regions).toHaveLength(11);
    expect([...pages.keys()].sort()).toEqual(regions.map(slugify).sort());
    for (const [key, page] of pages) expect(slugify(page.region)).toBe(key);
  });

  it("shows I1–I5 as the indicators rows, value for value at the twelve reference dates", () => {
    let compared = 0;
    for (const page of pages.values()) {
      const { reference_dates: dates, series } = page.indicator_series;
      expect(dates).toHaveLength(12);
      expect(dates.at(-1)).toBe("2026-09-30");
      expect(series.map((s) => s.indicator).sort()).toEqual([...IZA_INDICATORS].sort());
      for (const s of series) {
        expect(s.scope_type).toBe("iza_regio");
        expect(s.scope).toBe(page.region);
        s.values.forEach((value, i) => {
          const expected = valueOf(page.region, s.indicator, dates[i]!);
          if (expected === null) expect(value).toBeNull();
          // site_series keeps six significant digits (2/3 → 0.666667).
          else expect(value).toBeCloseTo(expected, 5);
          compared++;
        });
      }
    }
    expect(compared).toBe(11 * 5 * 12);
  });

  it("its milestones' statuses at the peildatum count to I1, I2 and I4 there", () => {
    for (const page of pages.values()) {
      const at = (id: string) => valueOf(page.region, id, "2026-09-30");
      const count = (...statuses: string[]) =>
        page.milestones.filter((m) => statuses.includes(m.status)).length;
      expect(page.milestones.length, page.region).toBe(at("mijlpalen_totaal"));
      expect(count("Op tijd gereed", "Te laat gereed"), page.region).toBe(at("mijlpalen_gereed"));
      expect(count("Achterstallig"), page.region).toBe(at("achterstallig"));
      // The themes are iza_progress's rows of the region: they add up to the same totals.
      const sum = (k: "milestones" | "completed" | "overdue") =>
        page.progress.reduce((n, p) => n + p[k], 0);
      expect(sum("milestones"), page.region).toBe(at("mijlpalen_totaal"));
      expect(sum("completed"), page.region).toBe(at("mijlpalen_gereed"));
      expect(sum("overdue"), page.region).toBe(at("achterstallig"));
    }
  });

  it("lists exactly the projects that carry the region's milestones, with their counts", () => {
    let projects = 0;
    for (const page of pages.values()) {
      const carried = new Map<string, number>();
      for (const m of page.milestones)
        if (m.project_id) carried.set(m.project_id, (carried.get(m.project_id) ?? 0) + 1);
      expect(new Map(page.projects.map((p) => [p.project_id, p.milestones])), page.region).toEqual(
        carried,
      );
      projects += page.projects.length;
    }
    expect(projects).toBeGreaterThan(0);
  });
});

describe("izaKeysSql", () => {
  it("refuses two regions with one page, and a region without letters or digits", () => {
    expect(() => izaKeysSql(["Twente", "twente"])).toThrow(/same page \/iza\/twente/);
    expect(() => izaKeysSql(["--"])).toThrow(/no letters or digits/);
    expect(izaKeysSql(["ZK30", "Zuidoost-Brabant"]).text).toContain("'zuidoost-brabant'");
  });

  it("keeps a region's page clear of the overview and the payload folder of /iza/", () => {
    expect(izaKey("Index")).toBe("index-regio");
    expect(izaKey("DATA")).toBe("data-regio");
    expect(izaKey("Datagebied")).toBe("datagebied");
    expect(() => izaKeysSql(["Index", "Index regio"])).toThrow(/same page \/iza\/index-regio/);
  });
});
