// The download files of the site: the refresh's output tables, copied into dist/bestanden/. The
// folder is named like no page, so /downloads stays the page on hosts that prefer a folder.
import { copyFileSync, mkdirSync, readdirSync, rmSync } from "node:fs";
import { join } from "node:path";

/** The folder in dist/ that holds the download files (downloads.json's `base` points at it). */
export const DOWNLOADS_FOLDER = "bestanden";

/**
 * The output tables in the three download formats (spec/outputs.md) and the workbook of all
 * tables (regiomonitor.xlsx); never the database.
 */
const DOWNLOAD = /^(?:[a-z_]+\.(?:csv|nl\.csv|parquet)|regiomonitor\.xlsx)$/;

/** Copies the refresh's output tables from `from` into `to` (dist/bestanden/); returns their names. */
export function copyDownloads(from, to) {
  const names = readdirSync(from).filter((name) => DOWNLOAD.test(name));
  if (names.length === 0)
    throw new Error(`build: no output tables in ${from} to offer as downloads`);
  rmSync(to, { recursive: true, force: true });
  mkdirSync(to, { recursive: true });
  for (const name of names) copyFileSync(join(from, name), join(to, name));
  return names;
}
