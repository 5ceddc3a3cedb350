import { appendFileSync, mkdirSync } from "node:fs";
import { dirname } from "node:path";

/** How a refresh ended, as its log line and its --json `status` say. */
export type RunStatus = "ok" | "strict_failed" | "unusable" | "usage" | "locked" | "internal";

/** One line of the refresh log. */
export interface LogEntry {
  readonly start: Date;
  readonly end: Date;
  readonly status: RunStatus;
  readonly exit: number;
  readonly mode?: string;
  readonly asOf?: string;
  readonly read?: number;
  readonly loaded?: number;
  readonly rejected?: number;
  readonly warnings?: number;
  readonly signals?: number;
  readonly reloaded?: readonly string[];
  /** Dutch, for runs that failed: what went wrong (first line). */
  readonly message?: string;
}

/** A value of the log line: bare when it can be, else in double quotes. */
function value(v: string | number): string {
  const text = String(v);
  return /^[^\s"=]+$/.test(text)
    ? text
    : `"${text.replaceAll("\\", "\\\\").replaceAll('"', '\\"')}"`;
}

/**
 * The log line of one run: start and end (ISO, UTC), then key=value fields, so that both a
 * person and `grep status=` can read it.
 */
export function logLine(entry: LogEntry): string {
  const seconds = (entry.end.getTime() - entry.start.getTime()) / 1000;
  const fields: [string, string | number | undefined][] = [
    ["status", entry.status],
    ["exit", entry.exit],
    ["mode", entry.mode],
    ["as_of", entry.asOf],
    ["seconds", seconds.toFixed(1)],
    ["rows_read", entry.read],
    ["rows_loaded", entry.loaded],
    ["rows_rejected", entry.rejected],
    ["warnings", entry.warnings],
    ["signals", entry.signals],
    ["reloaded", entry.reloaded ? entry.reloaded.join(",") || "-" : undefined],
    ["message", entry.message?.split("\n")[0]],
  ];
  const pairs = fields.flatMap(([k, v]) => (v === undefined ? [] : [`${k}=${value(v)}`]));
  return `${entry.start.toISOString()} ${entry.end.toISOString()} ${pairs.join(" ")}\n`;
}

/** Appends one line to the log (one write, so runs that end together do not interleave). */
export function appendLog(path: string, entry: LogEntry): void {
  mkdirSync(dirname(path), { recursive: true });
  appendFileSync(path, logLine(entry));
}
