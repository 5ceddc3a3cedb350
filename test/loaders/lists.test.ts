// The summaries and per-network lists that replace the whole projects and events tables on the
// pages (loaders/lists.ts), over the golden outputs of the sample: the counts must equal the
// indicators computed in SQL (P1, E1) and the lists together must hold exactly the table's rows.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import {
  eventListJson,
  eventsSummaryJson,
  isActive,
  listPaths,
  NO_NETWORK,
  paramOf,
  projectListJson,
  projectsSummaryJson,
  yearBefore,
  type EventScope,
  type ListFile,
  type ProjectScope,
} from "../../loaders/lists.ts";
import { readPeildatum, readTable, slugify, type TableRow } from "../../loaders/site.ts";
import { indicatorAt } from "./indicators.ts";

const golden = fileURLToPath(new URL("../output/golden", import.meta.url));

describe("projects_summary.json and the project lists", () => {
  it("counts the running projects per scope as indicator P1 does", async () => {
    const summary = JSON.parse(await projectsSummaryJson(golden)) as {
      scopes: Record<string, ProjectScope>;
    };
    const p1 = await indicatorAt(golden, "projecten_actief");
    expect(p1.size).toBeGreaterThan(1);
    for (const [scope, value] of p1) {
      const counts = summary.scopes[scope];
      expect(counts, scope).toBeDefined();
      const running = Object.values(counts!.active_by_stage).reduce((a, b) => a + b, 0);
      expect(running, scope).toBe(value);
      expect(
        counts!.themes.reduce((n, t) => n + t.n, 0),
        scope,
      ).toBe(value);
    }
  });

  it("counts all, stopped and unfunded running projects as a plain filter over the table", async () => {
    const rows = await readTable("projects", golden);
    const asOf = await readPeildatum(golden);
    const year = Number(asOf.slice(0, 4));
    const summary = JSON.parse(await projectsSummaryJson(golden)) as {
      scopes: Record<string, ProjectScope>;
    };
    const networks = [...new Set(rows.map((r) => String(r.network)))];
    expect(Object.keys(summary.scopes).sort()).toEqual(["alle", ...networks].sort());
    for (const scope of ["alle", ...networks]) {
      const own = rows.filter((r) => scope === "alle" || r.network === scope);
      const counts = summary.scopes[scope]!;
      expect(counts.total).toBe(own.length);
      expect(counts.stopped).toBe(own.filter((r) => r.stage === "gestopt").length);
      const running = own.filter(
        (r) =>
          String(r.start_on) <= asOf &&
          (r.end_on == null || String(r.end_on) >= asOf) &&
          !(r.stage === "gestopt" && r.end_on == null),
      );
      expect(counts.without_future).toBe(
        running.filter((r) => r.funded_until_year == null || Number(r.funded_until_year) <= year)
          .length,
      );
      expect(counts.without_future).toBeGreaterThan(0);
    }
  });

  it("puts every project in exactly one list, marked lopend as P1 counts it", async () => {
    const summary = JSON.parse(await projectsSummaryJson(golden)) as {
      lists: ListFile[];
      scopes: Record<string, ProjectScope>;
    };
    const rows = await readTable("projects", golden);
    const ids: string[] = [];
    let running = 0;
    for (const list of summary.lists) {
      const listed = JSON.parse(await projectListJson(list.key, golden)) as (TableRow & {
        lopend: boolean;
      })[];
      expect(listed.length).toBe(list.rows);
      expect(list.key).toBe(slugify(String(list.network)));
      for (const p of listed) expect(p.network).toBe(list.network);
      ids.push(...listed.map((p) => String(p.project_id)));
      running += listed.filter((p) => p.lopend).length;
    }
    expect(ids.sort()).toEqual(rows.map((r) => String(r.project_id)).sort());
    const p1 = await indicatorAt(golden, "projecten_actief");
    expect(running).toBe(p1.get("alle"));
    expect(await projectListJson("geen-netwerk-met-deze-naam", golden)).toBe("[]");
  });
});

describe("events_summary.json and the meeting lists", () => {
  it("counts the meetings of the last twelve months per scope as indicator E1 does", async () => {
    const summary = JSON.parse(await eventsSummaryJson(golden)) as {
      scopes: Record<string, EventScope>;
      lists: ListFile[];
    };
    const e1 = await indicatorAt(golden, "bijeenkomsten_12m");
    expect(e1.size).toBeGreaterThan(1);
    for (const [scope, value] of e1) expect(summary.scopes[scope]?.last_year, scope).toBe(value);
  });

  it("counts every meeting up to the peildatum once per quarter, and lists the 24 latest", async () => {
    const rows = await readTable("events", golden);
    const asOf = await readPeildatum(golden);
    const summary = JSON.parse(await eventsSummaryJson(golden)) as {
      scopes: Record<string, EventScope>;
    };
    const all = summary.scopes.alle!;
    const upTo = rows.filter((r) => String(r.event_date) <= asOf);
    expect(all.per_quarter.reduce((n, q) => n + q.n, 0)).toBe(upTo.length);
    for (const q of all.per_quarter) expect(q.quarter).toMatch(/^\d{4}-(01|04|07|10)-01$/);
    // One quarter checked by hand: the meetings of that quarter and type.
    const q = all.per_quarter.at(-1)!;
    const end = new Date(`${q.quarter}T00:00:00Z`);
    end.setUTCMonth(end.getUTCMonth() + 3);
    expect(q.n).toBe(
      upTo.filter(
        (r) =>
          String(r.event_date) >= q.quarter &&
          new Date(`${String(r.event_date)}T00:00:00Z`) < end &&
          (r.event_type ?? null) === q.type,
      ).length,
    );
    expect(all.recent.length).toBe(Math.min(24, all.last_year));
    const dates = all.recent.map((e) => String(e.event_date));
    expect(dates).toEqual([...dates].sort().reverse());
    const newest = upTo
      .map((r) => String(r.event_date))
      .sort()
      .at(-1);
    expect(dates[0]).toBe(newest);
  });

  it("lists the last twelve months' meetings once, those without a network apart", async () => {
    const summary = JSON.parse(await eventsSummaryJson(golden)) as {
      scopes: Record<string, EventScope>;
      lists: ListFile[];
      year_ago: string;
    };
    const ids: string[] = [];
    for (const list of summary.lists) {
      const listed = JSON.parse(await eventListJson(list.key, golden)) as TableRow[];
      expect(listed.length, list.key).toBe(list.rows);
      if (list.network == null) expect(list.key).toBe(NO_NETWORK);
      else expect(list.rows).toBe(summary.scopes[list.network]?.last_year);
      for (const e of listed) expect(String(e.event_date) > summary.year_ago).toBe(true);
      ids.push(...listed.map((e) => String(e.event_id)));
    }
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBe(summary.scopes.alle!.last_year);
  });
});

describe("list helpers", () => {
  it("yearBefore steps back a calendar year as d3.utcYear.offset does", () => {
    expect(yearBefore("2025-12-31")).toBe("2024-12-31");
    expect(yearBefore("2024-02-29")).toBe("2023-03-01");
  });

  it("isActive follows P1: end date inclusive, a stopped project without end date never", () => {
    const p = (stage: string, start_on: string, end_on: string | null) => ({
      stage,
      start_on,
      end_on,
    });
    expect(isActive(p("pilot", "2024-01-01", null), "2024-05-15")).toBe(true);
    expect(isActive(p("pilot", "2024-05-16", null), "2024-05-15")).toBe(false);
    expect(isActive(p("pilot", "2024-01-01", "2024-05-15"), "2024-05-15")).toBe(true);
    expect(isActive(p("pilot", "2024-01-01", "2024-05-14"), "2024-05-15")).toBe(false);
    expect(isActive(p("gestopt", "2024-01-01", null), "2024-05-15")).toBe(false);
    expect(isActive(p("gestopt", "2024-01-01", "2024-06-30"), "2024-05-15")).toBe(true);
  });

  it("names a file per list for dynamicPaths, and none without outputs", async () => {
    const paths = await listPaths(golden);
    const summary = JSON.parse(await projectsSummaryJson(golden)) as { lists: ListFile[] };
    for (const l of summary.lists) expect(paths).toContain(`/data/projecten/${l.key}.json`);
    expect(paths).toContain(`/data/bijeenkomsten/${NO_NETWORK}.json`);
    expect(await listPaths(mkdtempSync(join(tmpdir(), "lists-")))).toEqual([]);
  });

  it("refuses two networks whose file names would collide", async () => {
    const dir = mkdtempSync(join(tmpdir(), "lists-"));
    const header =
      "project_id,project_name,network,theme,iza_theme,stage,start_on,end_on,partners,sectors,funding_total_eur,funded_until_year,structural_share";
    writeFileSync(
      join(dir, "projects.csv"),
      `${header}\nP1,A,Zorg-Net,,,idee,2024-01-01,,1,zorg,0,,\nP2,B,Zorg Net,,,idee,2024-01-01,,1,zorg,0,,\n`,
    );
    writeFileSync(
      join(dir, "indicators.csv"),
      "scope_type,scope,indicator,period_end,value\ntotaal,alle,projecten_actief,2024-12-31,2\n",
    );
    await expect(projectsSummaryJson(dir)).rejects.toThrow(/same file name zorg-net/);
  });

  it("reads a route parameter from the loader's arguments", () => {
    expect(paramOf("lijst", ["--lijst=slimmer-leven"])).toBe("slimmer-leven");
    expect(() => paramOf("lijst", [])).toThrow(/--lijst=/);
  });
});
