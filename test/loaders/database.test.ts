// The page files read from the refresh's DuckDB database (loaders/database.ts), over a refresh
// of the sample: one co-participation graph per scope that agrees with indicators M1 and P6, and
// the role mix of exactly the meetings the Bijeenkomsten page shows.
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.ts";
import {
  eventRolesJson,
  GRAPH_NODES,
  graphPaths,
  graphScopeJson,
  type EventRole,
  type GraphJson,
} from "../../loaders/database.ts";
import { ALL_KEY, eventsSummaryJson, graphFiles, type EventScope } from "../../loaders/lists.ts";
import { readNetworks, readTable } from "../../loaders/site.ts";
import { silentEffects } from "../../src/effects.ts";
import { tempDir } from "../helpers.ts";
import { indicatorAt } from "./indicators.ts";

let out: string;
let db: string;

beforeAll(async () => {
  out = join(tempDir(), "out");
  db = join(out, "monitor.duckdb");
  const args = ["refresh", "--data", "data/exports", "--out", out, "--db", db];
  expect(await main([...args, "--as-of", "2026-09-30"], silentEffects)).toBe(0);
}, 120_000);

describe("netwerkgraaf/<key>.json", () => {
  it("lists one file for all networks and one per network", async () => {
    const networks = await readNetworks(out);
    expect(networks.length).toBe(3);
    expect(graphPaths(networks)).toEqual([
      `/data/netwerkgraaf/${ALL_KEY}.json`,
      ...networks.map((n) => `/data/netwerkgraaf/${n.slug}.json`),
    ]);
  });

  it("holds each scope's graph, whose size is indicator M1 and whose density is P6", async () => {
    const members = await indicatorAt(out, "leden_actief");
    const density = await indicatorAt(out, "netwerkdichtheid");
    const files = graphFiles(await readNetworks(out));
    for (const { scope, key } of files) {
      const graph = JSON.parse(await graphScopeJson(key, db, out)) as GraphJson;
      expect(graph.scope).toBe(scope);
      expect(graph.peildatum).toBe("2026-09-30");
      expect(graph.total_nodes, scope).toBe(members.get(scope));
      const n = graph.total_nodes;
      expect((2 * graph.total_links) / (n * (n - 1)), scope).toBeCloseTo(density.get(scope)!, 9);
      // The sample's scopes are small enough to ship whole: every node and link.
      expect(graph.nodes.length).toBeLessThanOrEqual(GRAPH_NODES);
      expect(graph.nodes.length, scope).toBe(n);
      expect(graph.links.length, scope).toBe(graph.total_links);
      const ids = new Set(graph.nodes.map((d) => d.id));
      expect(ids.size).toBe(graph.nodes.length);
      const degree = new Map<string, number>();
      for (const link of graph.links) {
        expect(ids.has(link.source) && ids.has(link.target), scope).toBe(true);
        expect(link.source < link.target).toBe(true);
        expect(link.projects).toBeGreaterThan(0);
        for (const end of [link.source, link.target]) degree.set(end, (degree.get(end) ?? 0) + 1);
      }
      for (const node of graph.nodes) expect(node.degree, node.id).toBe(degree.get(node.id) ?? 0);
    }
    // The total's graph holds every network's members at least.
    const all = JSON.parse(await graphScopeJson(ALL_KEY, db, out)) as GraphJson;
    expect(all.total_nodes).toBeGreaterThan(
      Math.max(...files.slice(1).map((f) => members.get(f.scope)!)),
    );
  });

  it("ships the best-connected members only, above the cap, with the whole graph's size", async () => {
    const whole = JSON.parse(await graphScopeJson(ALL_KEY, db, out)) as GraphJson;
    const capped = JSON.parse(await graphScopeJson(ALL_KEY, db, out, 10)) as GraphJson;
    expect(whole.nodes.length).toBeGreaterThan(10);
    expect(capped.nodes.length).toBe(10);
    expect([capped.total_nodes, capped.total_links]).toEqual([
      whole.total_nodes,
      whole.total_links,
    ]);
    // The ten with the most connections (then projects, then id), each with its whole-graph degree.
    const ranked = whole.nodes
      .slice()
      .sort((a, b) => b.degree - a.degree || b.projects - a.projects || a.id.localeCompare(b.id))
      .slice(0, 10);
    expect(capped.nodes.map((n) => n.id).sort()).toEqual(ranked.map((n) => n.id).sort());
    for (const node of capped.nodes) {
      expect(node).toEqual(whole.nodes.find((n) => n.id === node.id));
    }
    // Exactly the whole graph's links between two of them.
    const shown = new Set(capped.nodes.map((n) => n.id));
    expect(capped.links).toEqual(
      whole.links.filter((l) => shown.has(l.source) && shown.has(l.target)),
    );
    expect(capped.links.length).toBeLessThan(whole.links.length);
  });

  it("refuses a key that is no scope's", async () => {
    await expect(graphScopeJson("geen-netwerk", db, out)).rejects.toThrow(/geen-netwerk/);
  });
});

describe("event_roles.json", () => {
  it("holds the roles of exactly the meetings shown, adding up to their attendance", async () => {
    const roles = JSON.parse(await eventRolesJson(db, out)) as EventRole[];
    // The meetings the page shows: each scope's `recent` in events_summary.json.
    const summary = JSON.parse(await eventsSummaryJson(out)) as {
      scopes: Record<string, EventScope>;
    };
    const shown = [
      ...new Set(
        Object.values(summary.scopes).flatMap((s) => s.recent.map((e) => String(e.event_id))),
      ),
    ];
    // 24 latest per scope: at least the total's 24, at most 24 for each of the four scopes.
    expect(shown.length).toBeGreaterThanOrEqual(24);
    expect(shown.length).toBeLessThanOrEqual(4 * 24);
    const events = new Map((await readTable("events", out)).map((e) => [String(e.event_id), e]));
    const attended = new Map<string, number>();
    for (const role of roles) {
      expect(shown).toContain(role.event_id);
      expect(role.attended).toBeGreaterThan(0);
      attended.set(role.event_id, (attended.get(role.event_id) ?? 0) + role.attended);
    }
    for (const id of shown) {
      expect(attended.get(id) ?? 0, id).toBe(Number(events.get(id)!.attended));
    }
    expect([...attended.keys()].every((id) => shown.includes(id))).toBe(true);
  });
});
