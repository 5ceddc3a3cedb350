/**
 * An incremental refresh keeps a site mart from the previous refresh when every table it reads
 * (DuckDB's parse of its SQL, through the views: src/db/reads.ts) holds the previous rows: then
 * the mart's rows are the previous ones, kept instead of computed. A table holds the previous
 * rows when the refresh kept it, or when a comparison with the previous database finds the same
 * rows, counted with duplicates. A kept mart stays as the copy of the previous database has it.
 */
import { rows, type Database } from "../db/duckdb.ts";
import { createdBy, tablesRead, viewSelects } from "../db/reads.ts";
import { ident, sql, type Sql } from "../db/sql.ts";

export class MartReuse {
  /** Per table: whether it holds the previous rows (known, or found by a comparison). */
  private readonly same = new Map<string, boolean>();
  /** The marts kept as the previous refresh left them. */
  readonly kept: string[] = [];

  /**
   * `previous` is the alias of the previous database, attached read-only; `unchanged` the tables
   * known to hold its rows (the kept tables, the kept exports' clean tables, ref_dates at the
   * same peildatum and settings, the output tables found the same).
   */
  /**
   * `left`: the marts the previous refresh left in this database (pruneSql keeps them until they
   * are kept or made anew).
   */
  constructor(
    private readonly previous: string,
    unchanged: Iterable<string>,
    private readonly left: ReadonlySet<string>,
  ) {
    for (const name of unchanged) this.same.set(name, true);
  }

  private async previousHas(db: Database, table: string): Promise<boolean> {
    const [found] = await rows<{ n: bigint }>(
      db,
      sql`select count(*) as n from duckdb_tables()
        where database_name = ${this.previous} and schema_name = 'main' and table_name = ${table}`,
    );
    return Number(found!.n) > 0;
  }

  /**
   * Whether `table` holds the rows it had in the previous database: the same count first (a
   * different count ends it cheaply), then nothing in `except all`.
   */
  private async holdsPrevious(db: Database, table: string): Promise<boolean> {
    const known = this.same.get(table);
    if (known !== undefined) return known;
    let same = false;
    if (await this.previousHas(db, table)) {
      const now = sql`main.${ident(table)}`;
      const before = sql`${ident(this.previous)}.main.${ident(table)}`;
      const [counts] = await rows<{ same: boolean }>(
        db,
        sql`select (select count(*) from ${now}) = (select count(*) from ${before}) as same`,
      );
      if (counts?.same) {
        const [row] = await rows<{ differ: boolean }>(
          db,
          sql`select exists (select * from ${now} except all select * from ${before}) as differ`,
        );
        same = row?.differ === false;
      }
    }
    this.same.set(table, same);
    return same;
  }

  /**
   * Keeps the table that `statement` (create or replace table … as select …) makes, as the
   * previous refresh left it in this database (a copy of the previous one, where pruneSql keeps
   * the marts), when everything it reads holds the previous rows; false when it must be
   * computed (a view is always made: it costs nothing).
   */
  async keep(db: Database, statement: Sql): Promise<boolean> {
    const made = createdBy(statement.text);
    if (!made || made.kind === "view") return false;
    if (!this.left.has(made.name)) return false;
    const reads = await tablesRead(db, made.select, await viewSelects(db));
    for (const table of reads) {
      if (!(await this.holdsPrevious(db, table))) return false;
    }
    this.same.set(made.name, true);
    this.kept.push(made.name);
    return true;
  }
}
