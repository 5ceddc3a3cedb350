/**
 * Workbooks for the .xlsx tests (issue 15), written with exceljs like a user's Excel would have
 * them, and the CSV exports with the same rows on the same lines (an empty workbook row is a blank
 * CSV line), so that both must load to the same clean rows and rejects.
 */
import ExcelJS from "exceljs";
import { join } from "node:path";
import { writeExports } from "../helpers.ts";

const day = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));

export const PROJECTS =
  "project_id,project_name,network,stage,start_on\nP1,Project Een,Slimmer Leven,pilot,2023-01-01\n";

/**
 * members as a CSV: a header cell merged over two columns leaves an unnamed column (C); an
 * empty line 4; line 6 a bad date, line 7 a missing name, line 9 a totals row.
 */
export const MEMBERS_CSV = [
  "organisatie_id,naam,,netwerk,sector,lid_sinds,lid_tot",
  "O1,Zorggroep Een,x,Slimmer Leven,zorg,2020-01-01,",
  "O2,Hogeschool Twee,,Slimmer Leven,onderwijs,05-03-2021,2023-12-31",
  "",
  "O3,Gemeente Drie,,CIC West-Brabant,gemeente,2021-03-06,",
  "O4,Verkeerde Datum,,Slimmer Leven,zorg,31-02-2023,",
  "O5,,,Slimmer Leven,zorg,2022-01-01,",
  "",
  "Totaal,,,,,,",
  "",
].join("\n");

/** The same members as sheet "Leden" (the only sheet): dates as date cells, text and a formula. */
export function membersWorkbook(): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Leden");
  sheet.addRow(["organisatie_id", "naam", null, "netwerk", "sector", "lid_sinds", "lid_tot"]);
  sheet.mergeCells("B1:C1");
  sheet.addRow(["O1", "Zorggroep Een", "x", "Slimmer Leven", "zorg", day(2020, 1, 1), null]);
  sheet.addRow([
    "O2",
    "Hogeschool Twee",
    null,
    "Slimmer Leven",
    "onderwijs",
    "05-03-2021",
    day(2023, 12, 31),
  ]);
  // Row 4 stays empty. Row 5 is hidden and its date is a formula (cached result, date format).
  const formula = { formula: "F3+366", result: day(2021, 3, 6) };
  sheet.getRow(5).values = ["O3", "Gemeente Drie", null, "CIC West-Brabant", "gemeente", formula];
  sheet.getCell("F5").numFmt = "dd-mm-yyyy";
  sheet.getRow(5).hidden = true;
  sheet.getRow(6).values = ["O4", "Verkeerde Datum", null, "Slimmer Leven", "zorg", "31-02-2023"];
  sheet.getRow(7).values = ["O5", null, null, "Slimmer Leven", "zorg", day(2022, 1, 1)];
  // Row 8 empty; row 9 a totals row: a label and a count, no ids.
  sheet.getRow(9).values = ["Totaal", null, null, null, null, null];
  sheet.getRow(9).font = { bold: true };
  return workbook;
}

/** funding as a CSV: numbers with a point and Dutch text; a duplicate key; a totals row. */
export const FUNDING_CSV = [
  "financiering_id,project_id,bron,jaar,bedrag,soort,status",
  "F1,P1,rif,2024,1234.5,incidenteel,toegekend",
  'F2,P1,gemeente,2024,"1.234,50",structureel,toegekend',
  "F3,P1,eu,2023,2469,incidenteel,aangevraagd",
  'F4,P1,rif,2024,"1.234,567",incidenteel,toegekend',
  "F1,P1,rif,2024,10,incidenteel,toegekend",
  "",
  'Totaal,,,,"8.672,567",,',
  "",
].join("\n");

/**
 * The same funding as sheet "Financiering", the second sheet (a first sheet "Toelichting" holds
 * an explanation): numbers as number cells and as Dutch text, a formula, a sum in a totals row.
 */
export function fundingWorkbook(): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  const notes = workbook.addWorksheet("Toelichting");
  notes.addRow(["Financiering per project, stand juni 2024"]);
  const sheet = workbook.addWorksheet("Financiering");
  sheet.addRow(["financiering_id", "project_id", "bron", "jaar", "bedrag", "soort", "status"]);
  sheet.addRow(["F1", "P1", "rif", 2024, 1234.5, "incidenteel", "toegekend"]);
  sheet.addRow(["F2", "P1", "gemeente", "2024", "1.234,50", "structureel", "toegekend"]);
  sheet.addRow([
    "F3",
    "P1",
    "eu",
    2023,
    { formula: "E2*2", result: 2469 },
    "incidenteel",
    "aangevraagd",
  ]);
  sheet.addRow(["F4", "P1", "rif", 2024, 1234.567, "incidenteel", "toegekend"]);
  sheet.addRow(["F1", "P1", "rif", 2024, 10, "incidenteel", "toegekend"]);
  sheet.getRow(8).values = [
    "Totaal",
    null,
    null,
    null,
    { formula: "SUM(E2:E6)", result: 8672.567 },
  ];
  return workbook;
}

/** The mapping that names funding's sheet. */
export const SHEET_MAPPING = JSON.stringify({ funding: { sheet: "Financiering" } });

/** Writes a workbook into a folder. */
export async function writeWorkbook(dir: string, name: string, workbook: ExcelJS.Workbook) {
  await workbook.xlsx.writeFile(join(dir, name));
}

/** The folder with the exports as CSV. */
export function csvFolder(): string {
  return writeExports({
    "members.csv": MEMBERS_CSV,
    "projects.csv": PROJECTS,
    "funding.csv": FUNDING_CSV,
  });
}

/** The folder with members and funding as workbooks (Dutch names, odd case) and a mapping. */
export async function workbookFolder(): Promise<string> {
  const dir = writeExports({ "projects.csv": PROJECTS, "mapping.json": SHEET_MAPPING });
  await writeWorkbook(dir, "Leden.XLSX", membersWorkbook());
  await writeWorkbook(dir, "financiering.xlsx", fundingWorkbook());
  return dir;
}

/** The start of an old binary Excel file (OLE2 compound file), padded. */
export function xlsBytes(encrypted = false): Uint8Array {
  const bytes = Buffer.alloc(4096);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(bytes, 0);
  Buffer.from(encrypted ? "EncryptedPackage" : "Workbook", "utf16le").copy(bytes, 1024);
  return bytes;
}

/** The start of an OpenDocument spreadsheet: a zip whose first entry is its mimetype. */
export function odsBytes(): Uint8Array {
  const header = Buffer.alloc(30);
  Buffer.from([0x50, 0x4b, 0x03, 0x04]).copy(header, 0);
  header.writeUInt16LE(8, 26); // file name length
  const body = Buffer.from("mimetypeapplication/vnd.oasis.opendocument.spreadsheet");
  return Buffer.concat([header, body, Buffer.alloc(200)]);
}
