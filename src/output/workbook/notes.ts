/**
 * The two sheets of the workbook that are not output tables: "Toelichting" (first: peildatum,
 * refresh date, what each sheet holds, the rules) and "Woordenboek" (last: the data dictionary of
 * every column, from the same descriptions as the downloads page).
 */
import type { OutputTable } from "../tables.ts";
import { TABLE_DESCRIPTIONS, TYPE_LABELS } from "./dictionary.ts";
import { DICTIONARY_SHEET, NOTES_SHEET, STYLES, sheetTitle } from "./formats.ts";
import { SmallSheet } from "./sheet-xml.ts";

/** One output table as the workbook holds it: its sheets and its number of rows. */
export interface SheetPlan {
  readonly table: OutputTable;
  readonly sheets: readonly string[];
  readonly rows: number;
}

/** An ISO date as dd-mm-jjjj. */
export function dutchDate(iso: string): string {
  return `${iso.slice(8, 10)}-${iso.slice(5, 7)}-${iso.slice(0, 4)}`;
}

const count = (n: number) => n.toLocaleString("nl-NL");

/** The rules every reader should know, in Dutch. */
export const RULES: readonly string[] = [
  "Dezelfde cijfers als de CSV- en Parquet-bestanden: dezelfde rijen, in dezelfde volgorde (gesorteerd op de kolommen van links naar rechts).",
  "Aandelen zijn fracties van 0 tot 1 en worden als percentage getoond (0,25 = 25,0%); bedragen zijn in euro; datums zijn echte datums (dd-mm-jjjj).",
  "De kolom value van Indicatoren heeft de eenheid van de indicator (zie Indicatorcatalogus): een aandeel als percentage, euro als bedrag, een aantal als geheel getal.",
  "Een lege cel betekent dat de waarde niet te bepalen is (bijvoorbeeld een aandeel van nul projecten), niet dat hij nul is.",
  "Kleine aantallen: indicatoren uit een netwerkenquête worden niet getoond (lege cel) als minder dan 5 respondenten eraan bijdragen, zodat geen antwoord van één organisatie terug te lezen is.",
  "Privacy: persoonsgegevens zoals namen of e-mailadressen van personen worden bij het inlezen niet geladen; de werkmap bevat alleen organisaties en totalen.",
  "Tekst staat als tekst in de cellen, nooit als formule: ook een naam die met = of + begint, blijft gewone tekst.",
  "Elk tabblad heeft een vastgezette kopregel en een filter; de kolomnamen zijn die van de CSV-bestanden, hun betekenis staat in het tabblad Woordenboek.",
];

/** The explanation of split tables, one line each; empty when every table fits one sheet. */
export function splitNotes(plans: readonly SheetPlan[], perSheet: number): string[] {
  return plans
    .filter((p) => p.sheets.length > 1)
    .map(
      (p) =>
        `De tabel ${p.table.name} (${count(p.rows)} rijen) past niet op één tabblad (Excel: ten hoogste ${count(perSheet)} rijen onder de kopregel) en staat verdeeld over ${p.sheets.join(", ")}, in dezelfde volgorde.`,
    );
}

/** The sheet "Toelichting"; it must be the workbook's first. */
export function notesSheet(
  plans: readonly SheetPlan[],
  info: { asOf: string; refreshedOn: string; perSheet: number },
): SmallSheet {
  const sheet = new SmallSheet(NOTES_SHEET, [26, 28, 12, 90]);
  const bold = () => STYLES.header;
  sheet.addRow(["Regiomonitor: alle uitvoertabellen in één werkmap"], bold);
  sheet.addRow([]);
  sheet.addRow(["Peildatum", dutchDate(info.asOf)]);
  sheet.addRow(["Ververst op", dutchDate(info.refreshedOn)]);
  sheet.addRow([]);
  sheet.addRow(["Tabblad", "Tabel (bestand)", "Rijen", "Eén rij is"], bold);
  for (const plan of plans) {
    const row = TABLE_DESCRIPTIONS[plan.table.name]?.row ?? "";
    for (const name of plan.sheets) {
      sheet.addRow([name, plan.table.name, plan.rows, row], (i) =>
        i === 2 ? STYLES.count : STYLES.text,
      );
    }
  }
  sheet.addRow([
    DICTIONARY_SHEET,
    "",
    null,
    "het gegevenswoordenboek: wat elke kolom van elke tabel betekent",
  ]);
  sheet.addRow([]);
  sheet.addRow(["Regels"], bold);
  for (const line of [...splitNotes(plans, info.perSheet), ...RULES]) sheet.addRow([line]);
  return sheet;
}

/** The sheet "Woordenboek": one row per column of every output table. */
export function dictionarySheet(tables: readonly OutputTable[]): SmallSheet {
  const sheet = new SmallSheet(DICTIONARY_SHEET, [20, 24, 9, 22, 14, 80], {
    frozenHeader: true,
    autoFilter: true,
  });
  sheet.addRow(
    ["tabel", "tabblad", "positie", "kolom", "type", "omschrijving"],
    () => STYLES.header,
  );
  for (const t of tables) {
    t.columns.forEach((c, i) =>
      sheet.addRow(
        [
          t.name,
          sheetTitle(t),
          i + 1,
          c.name,
          TYPE_LABELS[c.type] ?? c.type,
          TABLE_DESCRIPTIONS[t.name]?.columns[c.name] ?? "",
        ],
        (column) => (column === 2 ? STYLES.count : STYLES.text),
      ),
    );
  }
  return sheet;
}
