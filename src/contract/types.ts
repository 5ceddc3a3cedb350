/** The value types a contract column can have (spec/contract.md). */
export type ColumnType =
  | "text"
  | "date"
  | "number"
  | "integer"
  | "boolean"
  | "vocabulary"
  | "municipality"
  /** A multiple-choice answer: zero or more vocabulary values separated by `;` or `|`. */
  | "list";

/** Names of the vocabularies in spec/contract.md. */
export type VocabularyName =
  | "sector"
  | "stage"
  | "source_type"
  | "kind"
  | "status"
  | "person_role"
  | "barrier"
  | "success_factor";

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
  /** Must exist as response_id in the clean survey_responses table (spec/survey.md). */
  readonly refersToResponse?: boolean;
  /** Must differ from the organisation_id of the response the row refers to (`invalid_range`). */
  readonly notRespondent?: boolean;
  readonly note_nl: string;
}

/** The canonical file keys, as used in mapping.json. */
export type FileKey =
  | "members"
  | "projects"
  | "project_partners"
  | "funding"
  | "attendance"
  | "milestones"
  | "survey_responses"
  | "survey_relations";

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
  /**
   * A second set of columns whose values must be unique among the rows that pass the key: a later
   * row with the same values is a `duplicate_key` too (survey: one response per organisation,
   * network and round).
   */
  readonly unique_columns?: readonly string[];
  readonly columns: readonly ColumnSpec[];
}

/** One vocabulary: canonical values, each with its accepted aliases. */
export interface VocabularySpec {
  readonly name: VocabularyName;
  readonly label_nl: string;
  readonly values: readonly { readonly value: string; readonly aliases: readonly string[] }[];
}
