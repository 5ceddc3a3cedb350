/**
 * An incremental refresh keeps a site mart from the previous refresh when every table it reads
 * (DuckDB's parse of its SQL, through the views: src/db/reads.ts) holds the previous rows: then
 * the mart's rows are the previous ones, kept instead of computed. A table holds the previous
 * rows when the refresh kept it, or when a comparison with the previous database finds the same
 * rows (src/db/previous-rows.ts). A kept mart stays as the copy of the previous database has it.
 */
import type { Database } from "../db/duckdb.ts";
import type { PreviousRows } from "../db/previous-rows.ts";
import { createdBy, tablesRead, viewSelects } from "../db/reads.ts";
import type { Sql } from "../db/sql.ts";

export class MartReuse {
  /** The marts kept as the previous refresh left them. */
  readonly kept: string[] = [];

  /**
   * `previous`: the comparison with the previous database (attached), which knows the tables
   * the refresh kept; `left`: the marts the previous refresh left in this database (pruneSql
   * keeps them until they are kept or made anew).
   */
  constructor(
    private readonly previous: PreviousRows,
    private readonly left: ReadonlySet<string>,
  ) {}

  /**
   * Keeps the table that `statement` (create or replace table … as select …) makes, as the
   * previous refresh left it, when everything it reads holds the previous rows; false when it
   * must be computed (a view is always made: it costs nothing).
   */
  async keep(db: Database, statement: Sql): Promise<boolean> {
    const made = createdBy(statement.text);
    if (!made || made.kind === "view" || !this.left.has(made.name)) return false;
    const reads = await tablesRead(db, made.select, await viewSelects(db));
    for (const table of reads) {
      if (!(await this.previous.same(db, table))) return false;
    }
    this.previous.know(made.name);
    this.kept.push(made.name);
    return true;
  }
}
