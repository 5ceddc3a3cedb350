import { sql, type Sql } from "./sql.ts";

/**
 * The sum of a double column added in the exports' row order (file_index, line), of the rows
 * `where` when given. A parallel aggregate adds rows in whatever order DuckDB's threads take
 * them, and double addition is not associative: at national scale the last digits of such sums
 * differed between two refreshes of the same data (issue 12 round 13), against spec/outputs.md
 * ("two refreshes of the same data give byte-identical files"). In file order the sum is the one
 * a single thread gives, as in the sample's golden files. The rows must carry file_index and line.
 */
export function fileOrderSum(value: Sql, where?: Sql): Sql {
  const sum = sql`sum(${value} order by file_index, line)`;
  return where ? sql`${sum} filter (where ${where})` : sum;
}
