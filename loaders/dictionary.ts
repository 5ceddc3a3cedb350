// The data dictionary moved to src/output/workbook/dictionary.ts so that the refresh can write it
// into the workbook (regiomonitor.xlsx); the loaders keep importing it from here.
export {
  TABLE_DESCRIPTIONS,
  TYPE_LABELS,
  type TableDescription,
} from "../src/output/workbook/dictionary.ts";
