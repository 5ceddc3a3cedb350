/** The kind of value in an output column, which decides how each format writes it. */
export type OutputType = "text" | "integer" | "number" | "date" | "boolean";

/** One output table of spec/outputs.md: its columns in order and the query that fills it. */
export interface OutputTable {
  readonly name: string;
  readonly columns: readonly { readonly name: string; readonly type: OutputType }[];
  /** A query over the database returning exactly `columns`; the writer sorts by all of them. */
  readonly source: string;
}

const col = (name: string, type: OutputType = "text") => ({ name, type });

export const dataQualityTable: OutputTable = {
  name: "data_quality",
  columns: [
    col("file"),
    col("status"),
    col("rows_read", "integer"),
    col("rows_loaded", "integer"),
    col("rows_rejected", "integer"),
    col("warnings", "integer"),
    col("note"),
  ],
  source: "select * from data_quality",
};

export const rejectsTable: OutputTable = {
  name: "rejects",
  columns: [
    col("file"),
    col("line", "integer"),
    col("column"),
    col("value"),
    col("reason"),
    col("message_nl"),
  ],
  source: "select * from rejects",
};

/** The tables a refresh writes (the indicator tables follow in their own modules). */
export const outputTables: readonly OutputTable[] = [dataQualityTable, rejectsTable];
