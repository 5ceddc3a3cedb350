import type { QualityRow } from "../ingest/quality.ts";

const nl = (n: number) => n.toLocaleString("nl-NL");

/** A date as dd-mm-jjjj. */
export function dutchDate(iso: string): string {
  return `${iso.slice(8, 10)}-${iso.slice(5, 7)}-${iso.slice(0, 4)}`;
}

const STATUS: Readonly<Record<QualityRow["status"], string>> = {
  ok: "ok",
  absent: "ontbreekt",
  unusable: "onbruikbaar",
};

/** The quality report as an aligned Dutch text table. */
export function qualityTable(quality: readonly QualityRow[]): string {
  const header = ["bestand", "status", "gelezen", "geladen", "afgewezen", "waarschuwingen"];
  const body = quality.map((q) => [
    q.file,
    STATUS[q.status],
    nl(q.rows_read),
    nl(q.rows_loaded),
    nl(q.rows_rejected),
    nl(q.warnings),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i < 2 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  ");
  return [line(header), ...body.map(line)].join("\n");
}

/** One line per reject for the terminal, at most `limit`. */
export function rejectLines(
  rejects: readonly { file: string; line: number; reason: string; message_nl: string }[],
  total: number,
  limit = 20,
): string {
  const lines = rejects
    .slice(0, limit)
    .map((r) => `  ${r.file} regel ${r.line}: ${r.reason} — ${r.message_nl}`);
  if (total > limit) lines.push(`  … en nog ${nl(total - limit)} (zie rejects.csv)`);
  return lines.join("\n");
}
