import { open } from "node:fs/promises";

/*
 * Which workbook files the monitor reads (issue 15). Only the Office Open XML workbook (.xlsx,
 * and .xlsm, the same format with macros, which are never run) is read. Old binary Excel (.xls),
 * OpenDocument (.ods), a password-protected workbook and a damaged one stop the refresh (exit 2)
 * with a message that says what the file is and how to save it. The kind is decided by the
 * file's content, not its name: a `.xls` that is really an .xlsx is read, an `.xlsx` that is
 * really an old .xls is refused as one.
 */

/** Names the monitor treats as workbooks (matched case-insensitively). */
export const WORKBOOK_NAME = /\.(xlsx|xlsm|xls|ods)$/i;

/** True when a file name is a workbook's (by its extension). */
export function isWorkbookName(name: string): boolean {
  return WORKBOOK_NAME.test(name);
}

/** How to get a usable file: the end of every message about an unusable workbook. */
export const SAVE_AS = "sla het bestand op als .xlsx (Excel-werkmap) of CSV";

const OLE2 = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
/** The zip's end-of-central-directory record: a file cut off short has none. */
const END = Buffer.from([0x50, 0x4b, 0x05, 0x06]);
/** The record is 22 bytes plus a comment of at most 65,535. */
const END_SEARCH = 22 + 0xffff;
const ODS = Buffer.from("application/vnd.oasis.opendocument.spreadsheet");
/** The stream name of an encrypted Office file in its OLE2 directory (UTF-16LE). */
const ENCRYPTED = Buffer.from("EncryptedPackage", "utf16le");
/** How much of an OLE2 file is searched for that name (its directory is near the start or end). */
const SEARCH = 1 << 20;

/** Reads `length` bytes at `position` (fewer at the end of the file). */
async function bytesAt(path: string, position: number, length: number): Promise<Buffer> {
  const file = await open(path, "r");
  try {
    const buffer = Buffer.alloc(length);
    const { bytesRead } = await file.read(buffer, 0, length, position);
    return buffer.subarray(0, bytesRead);
  } finally {
    await file.close();
  }
}

async function encrypted(path: string, size: number): Promise<boolean> {
  const head = await bytesAt(path, 0, Math.min(size, SEARCH));
  if (head.includes(ENCRYPTED)) return true;
  if (size <= SEARCH) return false;
  return (await bytesAt(path, size - SEARCH, SEARCH)).includes(ENCRYPTED);
}

/**
 * Undefined when a file is an .xlsx workbook (a zip; whether its content is sound shows when it
 * is read), else the Dutch problem: what the file is and how to save it.
 */
export async function workbookProblem(path: string, size: number): Promise<string | undefined> {
  const head = await bytesAt(path, 0, 512);
  if (head.subarray(0, 8).equals(OLE2)) {
    if (await encrypted(path, size)) {
      return `de werkmap is met een wachtwoord beveiligd en kan niet gelezen worden; haal in Excel de beveiliging weg (Bestand > Info > Werkmap beveiligen > Versleutelen met wachtwoord: wachtwoord leegmaken) en ${SAVE_AS}`;
    }
    return `dit is een oud Excel-bestand (.xls, Excel 97-2003), dat niet gelezen wordt; open het in Excel en ${SAVE_AS}`;
  }
  if (head.subarray(0, 4).equals(ZIP)) {
    if (head.includes(ODS)) {
      return `dit is een OpenDocument-rekenblad (.ods, LibreOffice of OpenOffice), dat niet gelezen wordt; kies in LibreOffice Bestand > Opslaan als en ${SAVE_AS}`;
    }
    // A zip cut off short (an interrupted download or copy) would leave exceljs's streaming
    // reader waiting for the rest of an entry: such a file is refused before it is read.
    const tail = await bytesAt(path, Math.max(0, size - END_SEARCH), Math.min(size, END_SEARCH));
    if (!tail.includes(END)) return damaged("het bestand is afgebroken: het einde ontbreekt");
    return undefined;
  }
  return damaged(
    head.length === 0 ? "het bestand is leeg" : "de inhoud begint niet zoals een .xlsx-bestand",
  );
}

/** The problem of a workbook that cannot be read: `why`, then what to do. */
export function damaged(why: string): string {
  return `de werkmap is beschadigd of geen echte Excel-werkmap (${why}); open het in Excel en ${SAVE_AS}`;
}
