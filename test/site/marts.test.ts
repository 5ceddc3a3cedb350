// The site marts (src/site) agree with the indicators for every scope at several peildata,
// including 29-02-2024: the graph of a scope is P6's graph (its size M1, its density P6), the
// project list counts P1's projects, the meetings of the last 12 months E1's, the map's members M1.
import { join } from "node:path";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { main } from "../../src/cli/main.ts";
import { closeDatabase, openDatabase, rows } from "../../src/db/duckdb.ts";
import { sql } from "../../src/db/sql.ts";
import { silentEffects } from "../../src/effects.ts";
import { GRAPH_NODES } from "../../src/site/index.ts";
import { tempDir } from "../helpers.ts";

const AS_OFS = ["2026-09-30", "2025-12-31", "2024-02-29", "2023-06-15"];
const dbs = new Map<string, string>();

/** The peildatums that test/global-setup.ts refreshes for every test; the others are made here. */
const SHARED = new Set<string>(["2026-09-30", "2024-02-29"]);

beforeAll(async () => {
  for (const asOf of AS_OFS) {
    if (SHARED.has(asOf)) {
      dbs.set(asOf, inject("sample")[asOf as "2026-09-30" | "2024-02-29"].db);
      continue;
    }
    const out = join(tempDir(), "out");
    const db = join(out, "monitor.duckdb");
    const args = ["refresh", "--data", "data/exports", "--out", out, "--db", db, "--as-of", asOf];
    expect(await main(args, silentEffects)).toBe(0);
    dbs.set(asOf, db);
  }
}, 300_000);

/** The marts' figures and the indicators at as_of, one row per scope (networks and "alle"). */
async function compare(asOf: string) {
  const db = await openDatabase(dbs.get(asOf)!, { readOnly: true });
  try {
    const found = await rows<Record<string, number | bigint | string | null>>(
      db,
      sql`
      with x as (select d from ref_dates where is_as_of),
      ind as (
        select scope_type, scope, indicator, value from indicators
        where period_end = (select d from x) and scope_type <> 'iza_regio'
      ),
      v as (
        pivot ind on indicator
        in ('leden_actief', 'netwerkdichtheid', 'projecten_actief', 'bijeenkomsten_12m')
        using any_value(value)
      ),
      summary as (select payload::json as j from site_projects_summary),
      events as (select payload::json as j from site_events_summary)
      select s.scope_type, s.scope, v.leden_actief as m1, v.netwerkdichtheid as p6,
        v.projecten_actief as p1, v.bijeenkomsten_12m as e1,
        g.total_nodes, g.total_links, json_array_length(g.payload::json -> 'nodes') as shown_nodes,
        json_array_length(g.payload::json -> 'links') as shown_links,
        (select sum(organisations) from site_members_by_region as r
          where r.scope_type = s.scope_type and r.scope = s.scope)::integer as region_members,
        (select count(*) from site_projects as p
          where p.lopend and (s.scope_type = 'totaal' or p.network = s.scope))::integer as running,
        (select sum(cast(j -> 'scopes' -> s.scope -> 'active_by_stage' ->> k as integer))
          from summary, unnest(json_keys(j -> 'scopes' -> s.scope -> 'active_by_stage')) as t(k))
          ::integer as summary_running,
        (select count(*) from site_events as e
          where e.last_year and (s.scope_type = 'totaal' or e.network = s.scope))::integer
          as last_year,
        (select cast(j -> 'scopes' -> s.scope ->> 'last_year' as integer) from events)
          as summary_last_year,
        (select strftime(d, '%Y-%m-%d') from x) as peildatum,
        (select j ->> 'year_ago' from events) as year_ago
      from scopes as s
      join v using (scope_type, scope)
      join site_graphs as g using (scope_type, scope)
      order by s.scope_type, s.scope`,
    );
    return found.map((r) =>
      Object.fromEntries(
        Object.entries(r).map(([k, v]) => [k, typeof v === "bigint" ? Number(v) : v]),
      ),
    );
  } finally {
    closeDatabase(db);
  }
}

describe.each(AS_OFS)("the site marts at as-of %s", (asOf) => {
  it("agree with M1, P6, P1 and E1 in every scope", async () => {
    const scopes = await compare(asOf);
    expect(scopes.map((s) => s.scope)).toEqual([
      "CIC West-Brabant",
      "Slimmer Leven",
      "Zorgpact Kopgroep",
      "alle",
    ]);
    for (const s of scopes) {
      const where = `${asOf} ${s.scope}`;
      expect(s.peildatum).toBe(asOf);
      // The graph: uncapped on the sample, every member a node; its density is P6.
      expect(Number(s.total_nodes), where).toBeLessThanOrEqual(GRAPH_NODES);
      expect(s.shown_nodes, where).toBe(s.total_nodes);
      expect(s.shown_links, where).toBe(s.total_links);
      expect(s.total_nodes, where).toBe(s.m1);
      const n = Number(s.total_nodes);
      if (n < 2) expect(s.p6, where).toBeNull();
      else expect((2 * Number(s.total_links)) / (n * (n - 1)), where).toBeCloseTo(Number(s.p6), 12);
      // The map counts the members of M1, each once.
      expect(s.region_members ?? 0, where).toBe(s.m1);
      // The running projects of the lists and the summary are P1's.
      expect(s.running, where).toBe(s.p1);
      expect(s.summary_running ?? 0, where).toBe(s.p1);
      // The meetings of the last 12 months are E1's.
      expect(s.last_year, where).toBe(s.e1);
      expect(s.summary_last_year ?? 0, where).toBe(s.e1);
    }
  });
});

describe("the 12 months up to 29-02-2024", () => {
  it("start after 28-02-2023, as indicators.md clamps the month", async () => {
    const [first] = await compare("2024-02-29");
    expect(first!.year_ago).toBe("2023-02-28");
  });

  it("are real: the sample has meetings, running projects and links at every as-of", async () => {
    for (const asOf of AS_OFS) {
      const all = (await compare(asOf)).find((s) => s.scope === "alle")!;
      expect(Number(all.m1), asOf).toBeGreaterThan(10);
      expect(Number(all.total_links), asOf).toBeGreaterThan(0);
      expect(Number(all.p1), asOf).toBeGreaterThan(0);
      expect(Number(all.e1), asOf).toBeGreaterThan(0);
    }
  });
});
