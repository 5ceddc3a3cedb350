/**
 * The two sheets of the workbook that are not output tables: "Toelichting" (first: peildatum,
 * refresh date, what each sheet holds, the rules) and "Woordenboek" (last: the data dictionary of
 * every column, from the same descriptions as the downloads page).
 */
import type { Workbook, Worksheet } from "exceljs";
import type { OutputTable } from "../tables.ts";
import { TABLE_DESCRIPTIONS, TYPE_LABELS } from "./dictionary.ts";
import { DICTIONARY_SHEET, NOTES_SHEET, STYLES, sheetTitle } from "./formats.ts";

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

function bold(sheet: Worksheet, values: unknown[]): void {
  const row = sheet.addRow(values);
  row.eachCell((cell) => (cell.style = STYLES.header));
  row.commit();
}

function plain(sheet: Worksheet, values: unknown[]): void {
  sheet.addRow(values).commit();
}

/** Writes the sheet "Toelichting"; it must be the workbook's first. */
export function writeNotes(
  workbook: Workbook,
  plans: readonly SheetPlan[],
  info: { asOf: string; refreshedOn: string; perSheet: number },
): void {
  const sheet = workbook.addWorksheet(NOTES_SHEET);
  sheet.columns = [{ width: 26 }, { width: 28 }, { width: 12 }, { width: 90 }];
  bold(sheet, ["Regiomonitor: alle uitvoertabellen in één werkmap"]);
  plain(sheet, []);
  plain(sheet, ["Peildatum", dutchDate(info.asOf)]);
  plain(sheet, ["Ververst op", dutchDate(info.refreshedOn)]);
  plain(sheet, []);
  bold(sheet, ["Tabblad", "Tabel (bestand)", "Rijen", "Eén rij is"]);
  for (const plan of plans) {
    const row = TABLE_DESCRIPTIONS[plan.table.name]?.row ?? "";
    for (const name of plan.sheets) {
      const r = sheet.addRow([name, plan.table.name, plan.rows, row]);
      r.getCell(3).style = STYLES.count;
      r.commit();
    }
  }
  plain(sheet, [
    DICTIONARY_SHEET,
    "",
    null,
    "het gegevenswoordenboek: wat elke kolom van elke tabel betekent",
  ]);
  plain(sheet, []);
  bold(sheet, ["Regels"]);
  for (const line of [...splitNotes(plans, info.perSheet), ...RULES]) plain(sheet, [line]);
  sheet.commit();
}

/** Writes the sheet "Woordenboek": one row per column of every output table. */
export function writeDictionary(workbook: Workbook, tables: readonly OutputTable[]): void {
  const header = ["tabel", "tabblad", "positie", "kolom", "type", "omschrijving"];
  const rows = tables.flatMap((t) =>
    t.columns.map((c, i) => [
      t.name,
      sheetTitle(t),
      i + 1,
      c.name,
      TYPE_LABELS[c.type] ?? c.type,
      TABLE_DESCRIPTIONS[t.name]?.columns[c.name] ?? "",
    ]),
  );
  const sheet = workbook.addWorksheet(DICTIONARY_SHEET, {
    views: [{ state: "frozen", ySplit: 1 }],
  });
  sheet.columns = [
    { width: 20 },
    { width: 24 },
    { width: 9 },
    { width: 22 },
    { width: 14 },
    { width: 80 },
  ];
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: rows.length + 1, column: 6 } };
  bold(sheet, header);
  for (const values of rows) {
    const row = sheet.addRow(values);
    row.eachCell((cell, i) => (cell.style = i === 3 ? STYLES.count : STYLES.text));
    row.commit();
  }
  sheet.commit();
}
