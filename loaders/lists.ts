// The two long tables, projects and meetings, are not shipped whole to the browser: at national
// scale they are 50.000 projects and 130.000 meetings. Pages get a small summary per scope (what
// the charts need) and the rows themselves in one file per network (a "list"), fetched only for
// the network a reader picks. Each docs/data/… loader is a shim over one function here.
import { outDir, readNetworks, readPeildatum, readTable, slugify, type TableRow } from "./site.ts";

/**
 * The list of the rows without a network (meetings across networks). Never a network's slug:
 * slugify collapses every run of other characters into one "-".
 */
export const NO_NETWORK = "zonder--netwerk";

/**
 * The key of the per-scope files of "alle netwerken" (the co-participation graph): never a
 * network's slug, as NO_NETWORK.
 */
export const ALL_KEY = "alle--netwerken";

/** The per-scope graph files: "alle" and each network, with their file keys. */
export function graphFiles(networks: readonly { name: string; slug: string }[]) {
  return [
    { scope: "alle", key: ALL_KEY },
    ...networks.map((n) => ({ scope: n.name, key: n.slug })),
  ];
}

/** How many of a scope's latest meetings the role-level chart shows (event_roles.json has their roles). */
export const RECENT_EVENTS = 24;

/** One per-network list file: `data/<kind>/<key>.json`, with its network and number of rows. */
export interface ListFile {
  key: string;
  network: string | null;
  rows: number;
}

/** The list key of a network (its slug), or NO_NETWORK for rows without a network. */
function listKey(network: string | null): string {
  return network == null ? NO_NETWORK : slugify(network);
}

/** Groups rows by list key; throws when two networks share a slug (their files would collide). */
function byList(rows: TableRow[]): Map<string, { network: string | null; rows: TableRow[] }> {
  const lists = new Map<string, { network: string | null; rows: TableRow[] }>();
  for (const row of rows) {
    const network = row.network == null ? null : String(row.network);
    const key = listKey(network);
    const list = lists.get(key) ?? { network, rows: [] };
    if (list.network !== network) {
      throw new Error(`networks "${list.network}" and "${network}" have the same file name ${key}`);
    }
    list.rows.push(row);
    lists.set(key, list);
  }
  return lists;
}

function listFiles(lists: Map<string, { network: string | null; rows: TableRow[] }>): ListFile[] {
  return [...lists.entries()]
    .map(([key, l]) => ({ key, network: l.network, rows: l.rows.length }))
    .sort((a, b) => a.key.localeCompare(b.key));
}

/** The ISO date one year before `iso` (as d3.utcYear.offset(date, -1): 29 Feb → 1 Mar). */
export function yearBefore(iso: string): string {
  const date = new Date(`${iso}T00:00:00Z`);
  date.setUTCFullYear(date.getUTCFullYear() - 1);
  return date.toISOString().slice(0, 10);
}

/** Whether a project runs at `asOf`, as indicator P1 (a stopped project without end date never). */
export function isActive(p: TableRow, asOf: string): boolean {
  const start = String(p.start_on ?? "");
  const end = p.end_on == null ? null : String(p.end_on);
  return (
    start !== "" &&
    start <= asOf &&
    (end == null || end >= asOf) &&
    !(p.stage === "gestopt" && end == null)
  );
}

/** What each scope's charts need on the pages Projecten and Financiering. */
export interface ProjectScope {
  /** All projects of the scope, any stage and date. */
  total: number;
  /** Projects running at the peildatum, per stage. */
  active_by_stage: Record<string, number>;
  /** Stopped projects, all years. */
  stopped: number;
  /** Running projects per theme line (null: none) and stage, only where there are some. */
  themes: { theme: string | null; stage: string; n: number }[];
  /** Running projects with no toegekend funding after the peildatum's year. */
  without_future: number;
}

function projectScope(rows: TableRow[], asOf: string): ProjectScope {
  const year = Number(asOf.slice(0, 4));
  const scope: ProjectScope = {
    total: rows.length,
    active_by_stage: {},
    stopped: 0,
    themes: [],
    without_future: 0,
  };
  const themes = new Map<string, { theme: string | null; stage: string; n: number }>();
  for (const p of rows) {
    const stage = String(p.stage);
    if (stage === "gestopt") scope.stopped += 1;
    if (!isActive(p, asOf)) continue;
    scope.active_by_stage[stage] = (scope.active_by_stage[stage] ?? 0) + 1;
    const theme = p.theme == null ? null : String(p.theme);
    const key = `${theme ?? ""}\u0000${stage}`;
    const entry = themes.get(key) ?? { theme, stage, n: 0 };
    entry.n += 1;
    themes.set(key, entry);
    if (p.funded_until_year == null || Number(p.funded_until_year) <= year)
      scope.without_future += 1;
  }
  scope.themes = [...themes.values()];
  return scope;
}

/**
 * `projects_summary.json`: per scope ("alle" and each network) the counts, the list files, and
 * the graph files (`netwerkgraaf/<key>.json`).
 */
export async function projectsSummaryJson(dir = outDir()): Promise<string> {
  const [rows, asOf, networks] = await Promise.all([
    readTable("projects", dir),
    readPeildatum(dir),
    readNetworks(dir),
  ]);
  const lists = byList(rows);
  const scopes: Record<string, ProjectScope> = { alle: projectScope(rows, asOf) };
  for (const list of lists.values()) {
    if (list.network != null) scopes[list.network] = projectScope(list.rows, asOf);
  }
  const graphs = graphFiles(networks);
  return JSON.stringify({ peildatum: asOf, scopes, lists: listFiles(lists), graphs });
}

/** `projecten/<key>.json`: one network's projects, each with `lopend` (running at the peildatum). */
export async function projectListJson(key: string, dir = outDir()): Promise<string> {
  const [rows, asOf] = await Promise.all([readTable("projects", dir), readPeildatum(dir)]);
  const list = byList(rows).get(key)?.rows ?? [];
  return JSON.stringify(list.map((p) => ({ ...p, lopend: isActive(p, asOf) })));
}

/** What each scope's charts need on the page Bijeenkomsten. */
export interface EventScope {
  /** Meetings up to the peildatum per quarter (its first day) and type (null: unknown). */
  per_quarter: { quarter: string; type: string | null; n: number }[];
  /** Meetings in the twelve months up to the peildatum. */
  last_year: number;
  /** The latest RECENT_EVENTS meetings of those twelve months, newest first. */
  recent: TableRow[];
}

const quarterOf = (iso: string) =>
  `${iso.slice(0, 4)}-${String(Math.floor((Number(iso.slice(5, 7)) - 1) / 3) * 3 + 1).padStart(2, "0")}-01`;

function eventScope(rows: TableRow[], asOf: string, yearAgo: string): EventScope {
  const quarters = new Map<string, { quarter: string; type: string | null; n: number }>();
  const lastYear: TableRow[] = [];
  for (const e of rows) {
    const date = String(e.event_date);
    if (date > asOf) continue;
    const type = e.event_type == null ? null : String(e.event_type);
    const quarter = quarterOf(date);
    const key = `${quarter}\u0000${type ?? ""}`;
    const entry = quarters.get(key) ?? { quarter, type, n: 0 };
    entry.n += 1;
    quarters.set(key, entry);
    if (date > yearAgo) lastYear.push(e);
  }
  const recent = lastYear
    .slice()
    .sort(
      (a, b) =>
        String(b.event_date).localeCompare(String(a.event_date)) ||
        String(a.event_id).localeCompare(String(b.event_id)),
    )
    .slice(0, RECENT_EVENTS);
  const per_quarter = [...quarters.values()].sort(
    (a, b) => a.quarter.localeCompare(b.quarter) || (a.type ?? "").localeCompare(b.type ?? ""),
  );
  return { per_quarter, last_year: lastYear.length, recent };
}

/** The meetings in the twelve months up to the peildatum, grouped per list. */
async function lastYearLists(dir: string) {
  const [rows, asOf] = await Promise.all([readTable("events", dir), readPeildatum(dir)]);
  const yearAgo = yearBefore(asOf);
  return { rows, asOf, yearAgo, lists: byList(rows) };
}

/**
 * `events_summary.json`: per scope ("alle", with the meetings without a network, and each network)
 * the meetings per quarter and the latest ones, and the list files of the last twelve months.
 */
export async function eventsSummaryJson(dir = outDir()): Promise<string> {
  const { rows, asOf, yearAgo, lists } = await lastYearLists(dir);
  const scopes: Record<string, EventScope> = { alle: eventScope(rows, asOf, yearAgo) };
  const files: ListFile[] = [];
  for (const [key, list] of lists) {
    const scope = eventScope(list.rows, asOf, yearAgo);
    if (list.network != null) scopes[list.network] = scope;
    files.push({ key, network: list.network, rows: scope.last_year });
  }
  files.sort((a, b) => a.key.localeCompare(b.key));
  return JSON.stringify({ peildatum: asOf, year_ago: yearAgo, scopes, lists: files });
}

/** The ids of every scope's `recent` meetings (those the role-level chart shows), sorted. */
export async function recentEventIds(dir = outDir()): Promise<string[]> {
  const { rows, asOf, yearAgo, lists } = await lastYearLists(dir);
  const ids = new Set<string>();
  const networks = [...lists.values()].filter((l) => l.network != null);
  for (const scopeRows of [rows, ...networks.map((l) => l.rows)]) {
    for (const e of eventScope(scopeRows, asOf, yearAgo).recent) ids.add(String(e.event_id));
  }
  return [...ids].sort();
}

/** `bijeenkomsten/<key>.json`: one list's meetings in the twelve months up to the peildatum. */
export async function eventListJson(key: string, dir = outDir()): Promise<string> {
  const { asOf, yearAgo, lists } = await lastYearLists(dir);
  const list = lists.get(key)?.rows ?? [];
  return JSON.stringify(
    list.filter((e) => String(e.event_date) > yearAgo && String(e.event_date) <= asOf),
  );
}

/** The paths of every list file, for the config's dynamicPaths; none without outputs. */
export async function listPaths(dir = outDir()): Promise<string[]> {
  try {
    const [projects, events] = await Promise.all([
      readTable("projects", dir),
      readTable("events", dir),
    ]);
    return [
      ...[...byList(projects).keys()].map((key) => `/data/projecten/${key}.json`),
      ...[...byList(events).keys()].map((key) => `/data/bijeenkomsten/${key}.json`),
    ].sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw error;
  }
}

/** The value of `--<name>=…` among a loader's arguments (Framework passes route parameters so). */
export function paramOf(name: string, args = process.argv.slice(2)): string {
  const prefix = `--${name}=`;
  const arg = args.find((a) => a.startsWith(prefix));
  if (arg == null) throw new Error(`loader: missing ${prefix}…`);
  return arg.slice(prefix.length);
}
