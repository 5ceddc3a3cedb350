/**
 * Whether tables of this database hold the rows of the same tables in an attached earlier
 * database (the previous refresh's): the same count first, which ends most comparisons cheaply,
 * then nothing in `except all` (rows counted with duplicates). Verdicts are kept, so a table is
 * compared once however many readers ask.
 */
import { rows, type Database } from "./duckdb.ts";
import { ident, sql } from "./sql.ts";

export class PreviousRows {
  private readonly verdicts = new Map<string, boolean>();
  private present?: Set<string>;

  /** `alias`: the attached database; `known`: tables known to hold its rows (not compared). */
  constructor(
    readonly alias: string,
    known: Iterable<string> = [],
  ) {
    for (const name of known) this.verdicts.set(name, true);
  }

  /** Whether the earlier database has a table of this name (its main schema). */
  async has(db: Database, table: string): Promise<boolean> {
    this.present ??= new Set(
      (
        await rows<{ name: string }>(
          db,
          sql`select table_name as name from duckdb_tables()
            where database_name = ${this.alias} and schema_name = 'main'`,
        )
      ).map((r) => r.name),
    );
    return this.present.has(table);
  }

  /** Records that `table` holds the earlier rows (a table kept as it was). */
  know(table: string): void {
    this.verdicts.set(table, true);
  }

  /** Whether `table` holds the rows it has in the earlier database. */
  async same(db: Database, table: string): Promise<boolean> {
    const known = this.verdicts.get(table);
    if (known !== undefined) return known;
    let same = false;
    if (await this.has(db, table)) {
      const now = sql`main.${ident(table)}`;
      const before = sql`${ident(this.alias)}.main.${ident(table)}`;
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
    this.verdicts.set(table, same);
    return same;
  }
}
