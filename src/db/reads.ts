/**
 * Which tables a query reads, from DuckDB's own parse of it (json_serialize_sql): the base
 * tables it names outside its CTEs, followed through the views of the database. An incremental
 * refresh keeps a site mart whose reads all hold the previous rows (src/site/reuse.ts); the tests
 * check the declared inputs of the tables kept over exports alone the same way.
 */
import { rows, type Database } from "./duckdb.ts";
import { sql } from "./sql.ts";

/** The base tables and the CTE names of a parsed statement (json_serialize_sql's tree). */
function namesIn(node: unknown, tables: Set<string>, ctes: Set<string>): void {
  if (Array.isArray(node)) {
    for (const item of node) namesIn(item, tables, ctes);
    return;
  }
  if (node === null || typeof node !== "object") return;
  const record = node as Record<string, unknown>;
  if (record.type === "BASE_TABLE" && typeof record.table_name === "string")
    tables.add(record.table_name);
  const map = (record.cte_map as { map?: { key: string }[] } | undefined)?.map;
  for (const cte of map ?? []) ctes.add(cte.key);
  for (const value of Object.values(record)) namesIn(value, tables, ctes);
}

/** The select of every view of the main database, by name. */
export async function viewSelects(db: Database): Promise<Map<string, string>> {
  const found = await rows<{ name: string; text: string }>(
    db,
    sql`select view_name as name, sql as text from duckdb_views()
      where not internal and database_name = current_database()`,
  );
  const select = (text: string) => text.replace(/^\s*create (or replace )?view \S+\s+as\s+/i, "");
  return new Map(found.map((v) => [v.name, select(v.text)]));
}

/** The select of a `create [or replace] table|view NAME as SELECT` statement, with NAME. */
export function createdBy(
  statement: string,
): { name: string; kind: "table" | "view"; select: string } | undefined {
  const match = /^\s*create\s+(?:or\s+replace\s+)?(table|view)\s+("?)(\w+)\2\s+as\s+/i.exec(
    statement,
  );
  if (!match) return undefined;
  const kind = match[1]!.toLowerCase() === "view" ? "view" : "table";
  return { name: match[3]!, kind, select: statement.slice(match[0].length) };
}

/**
 * The tables a select reads, through the views in `views` (viewSelects); throws when DuckDB
 * cannot parse it.
 */
export async function tablesRead(
  db: Database,
  select: string,
  views: ReadonlyMap<string, string>,
): Promise<Set<string>> {
  const [parsed] = await rows<{ tree: string }>(
    db,
    sql`select json_serialize_sql(${select}) as tree`,
  );
  const tree = JSON.parse(parsed!.tree) as { error: boolean; error_message?: string };
  if (tree.error) throw new Error(`tablesRead: ${tree.error_message ?? "onleesbare SQL"}`);
  const tables = new Set<string>();
  const ctes = new Set<string>();
  namesIn(tree, tables, ctes);
  const reads = new Set<string>();
  for (const name of tables) {
    if (ctes.has(name)) continue;
    const view = views.get(name);
    if (view === undefined) reads.add(name);
    else for (const inner of await tablesRead(db, view, views)) reads.add(inner);
  }
  return reads;
}
