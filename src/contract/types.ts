/** The value types a contract column can have (spec/contract.md). */
export type ColumnType =
  "text" | "date" | "number" | "integer" | "boolean" | "vocabulary" | "municipality";

/** Names of the vocabularies in spec/contract.md. */
export type VocabularyName = "sector" | "stage" | "source_type" | "kind" | "status" | "person_role";

/** One column of an export. */
export interface ColumnSpec {
  readonly name: string;
  /** Accepted Dutch (and other) header names besides `name`. */
  readonly aliases: readonly string[];
  readonly type: ColumnType;
  readonly required: boolean;
  /** For `vocabulary` columns: which vocabulary. */
  readonly vocabulary?: VocabularyName;
  /** Value used when the cell is empty (vocabulary columns such as person_role). */
  readonly emptyValue?: string;
  /** Lowest accepted value (numbers) or year (integers). */
  readonly min?: number;
  readonly max?: number;
  /** Another column of the same file that this one must not precede. */
  readonly notBefore?: { readonly column: string; readonly strict: boolean };
  /** Must exist as project_id in the clean projects table. */
  readonly refersToProject?: boolean;
  readonly note_nl: string;
}

/** The canonical file keys, as used in mapping.json. */
export type FileKey =
  "members" | "projects" | "project_partners" | "funding" | "attendance" | "milestones";

/** One export file of the contract. */
export interface FileSpec {
  readonly key: FileKey;
  /** Canonical name, e.g. `members.csv`. */
  readonly file: string;
  /** Dutch name, e.g. `leden.csv`. */
  readonly dutchFile: string;
  readonly required: boolean;
  readonly row_nl: string;
  /** Columns that identify a row; empty when every row counts. */
  readonly key_columns: readonly string[];
  readonly columns: readonly ColumnSpec[];
}

/** One vocabulary: canonical values, each with its accepted aliases. */
export interface VocabularySpec {
  readonly name: VocabularyName;
  readonly label_nl: string;
  readonly values: readonly { readonly value: string; readonly aliases: readonly string[] }[];
}
