import { randomBytes } from "node:crypto";
import {
  closeSync,
  existsSync,
  fstatSync,
  openSync,
  readFileSync,
  readSync,
  rmSync,
  writeSync,
} from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { readFileHead } from "../../src/ingest/head.ts";
import { MEMBERS, tempDir, writeExports } from "../helpers.ts";
import { runCli } from "../refresh/spawn.ts";

const HEADER = "organisation_id,organisation_name,network,sector,joined_on";
const made: string[] = [];
let tried = 0;

afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
  console.log(`odd files: ${tried} tried`);
});

/** A folder of exports: `files` as given, beside a good members.csv unless it is replaced. */
function folder(files: Record<string, string | Uint8Array>): string {
  const dir = writeExports({ "members.csv": MEMBERS, ...files });
  made.push(dir);
  return dir;
}

/** Writes `size` bytes of `unit` repeated to a file, streaming, after `prefix`. */
function writeLarge(path: string, prefix: string, unit: string, count: number, suffix = ""): void {
  const fd = openSync(path, "w");
  writeSync(fd, prefix);
  const chunk = unit.repeat(Math.max(1, Math.floor((1 << 20) / unit.length)));
  const per = chunk.length / unit.length;
  for (let done = 0; done < count; done += per) {
    writeSync(fd, done + per <= count ? chunk : unit.repeat(count - done));
  }
  writeSync(fd, suffix);
  closeSync(fd);
}

/**
 * Refreshes a folder with the real command line under a time limit; checks that it neither hung
 * nor crashed (no internal error, no stack trace) and returns the outcome and the output folder.
 */
async function refresh(data: string, limitMs = 60_000) {
  tried++;
  const out = join(tempDir(), "out");
  made.push(join(out, ".."));
  const args = ["refresh", "--data", data, "--out", out, "--db", `${out}.duckdb`];
  const result = await runCli([...args, "--as-of", "2024-06-30"], limitMs);
  expect(result.timedOut, "hung: killed after the time limit").toBe(false);
  expect(result.stderr).not.toContain("Interne fout");
  expect(result.stderr).not.toMatch(/^\s+at /m);
  if (result.code === 2) {
    expect(result.stderr).toContain("Er is niets gepubliceerd");
    expect(existsSync(out)).toBe(false);
  }
  const csv = (name: string) => readFileSync(join(out, name), "utf8");
  return { ...result, out, csv };
}

/**
 * The lines of a large text file's first and last 64 kB: the whole lines at its start, an
 * empty entry in between, then the whole lines at its end (what `split("\r\n")` gives at the
 * start and the end of the file, without reading the rest of it).
 */
function headAndTail(path: string, bytes = 64 << 10): string[] {
  const fd = openSync(path, "r");
  try {
    const size = fstatSync(fd).size;
    if (size <= 2 * bytes) return readFileSync(fd, "utf8").split("\r\n");
    const read = (position: number) => {
      const buffer = Buffer.alloc(bytes);
      readSync(fd, buffer, 0, bytes, position);
      return buffer.toString("utf8");
    };
    const head = read(0).split("\r\n").slice(0, -1);
    const tail = read(size - bytes)
      .split("\r\n")
      .slice(1);
    return [...head, "", ...tail];
  } finally {
    closeSync(fd);
  }
}

/** The data_quality row of a file, as text. */
const quality = (csv: string, file: string) =>
  csv.split("\r\n").find((l) => l.startsWith(`${file},`));

describe("odd files: a clear Dutch message, the right exit status, no crash, no hang", () => {
  it("an empty file: exit 2, 'het bestand is leeg'", async () => {
    const r = await refresh(folder({ "members.csv": "" }));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      "members.csv: het bestand is leeg: er is geen kopregel met kolomnamen",
    );
  });

  it("only blank lines: exit 2, 'het bestand is leeg'", async () => {
    const r = await refresh(folder({ "projecten.csv": "\n\r\n   \n\t\r\n" }));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("projecten.csv: het bestand is leeg");
    expect(r.stderr).toContain("project_id (verplicht)");
  });

  it("a header only: loads zero rows, exit 0", async () => {
    const r = await refresh(
      folder({ "projects.csv": "project_id;projectnaam;netwerk;fase;startdatum\r\n" }),
    );
    expect(r.code).toBe(0);
    expect(quality(r.csv("data_quality.csv"), "projects.csv")).toMatch(
      /^projects\.csv,ok,0,0,0,0,/,
    );
    expect(r.stdout).toContain("Afgewezen rijen: 0");
  });

  it("a binary file named .csv: exit 2, says it is no text", async () => {
    const bytes = Buffer.concat([
      Buffer.from("PK\x03\x04\x14\x00\x06\x00", "latin1"),
      randomBytes(4096),
    ]);
    const r = await refresh(folder({ "projects.csv": bytes }));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("projects.csv: het bestand is geen tekst maar binair");
  });

  it("a 50 MB file that is one line: exit 2, says the first line is no header", async () => {
    const data = folder({});
    writeLarge(join(data, "members.csv"), "", "organisatie;", (50 << 20) / 12);
    const r = await refresh(data);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("members.csv: de eerste regel is langer dan 64 kB");
  });

  it("a 50 MB single data line: rejected as bad_row with a shortened value, exit 0", async () => {
    const data = folder({});
    writeLarge(
      join(data, "attendance.csv"),
      "event_id,event_date,attended\nE1,2024-01-05,ja\n",
      "x",
      50 << 20,
      "\n",
    );
    const r = await refresh(data, 120_000);
    expect(r.code).toBe(0);
    expect(quality(r.csv("data_quality.csv"), "attendance.csv")).toMatch(
      /^attendance\.csv,ok,2,1,1,/,
    );
    const reject = r.csv("rejects.csv").split("\r\n")[1]!;
    expect(reject).toMatch(
      /^attendance\.csv,3,,x{200}…,bad_row,"Rij kan niet gelezen worden: rij heeft 1 veld, de kop heeft er 3\."$/,
    );
  }, 180_000);

  it("1,000,000 rows with one key: the first loads, 999,999 are rejected as duplicate_key, exit 0", async () => {
    const data = folder({});
    writeLarge(
      join(data, "members.csv"),
      `${HEADER}\n`,
      "O1,Zorggroep Een,Slimmer Leven,zorg,2020-01-01\n",
      1_000_000,
    );
    const r = await refresh(data, 240_000);
    expect(r.code).toBe(0);
    expect(quality(r.csv("data_quality.csv"), "members.csv")).toMatch(
      /^members\.csv,ok,1000000,1,999999,0,/,
    );
    expect(r.stdout).toContain("Afgewezen rijen: 999.999 (zie rejects.csv)");
    // rejects.csv is 159 MB: its first and last lines are read, not the whole file.
    const lines = headAndTail(join(r.out, "rejects.csv"));
    expect(lines[1]).toBe(
      'members.csv,3,organisation_id,O1,duplicate_key,"Dubbele sleutel (organisation_id, network, joined_on): alleen de eerste rij, op regel 2, wordt geladen."',
    );
    expect(lines.at(-2)).toMatch(/^members\.csv,1000001,organisation_id,O1,duplicate_key,/);
  }, 300_000);

  it("mixed line endings (LF, CRLF, CR) and blank lines: exact physical lines", async () => {
    const members = `${HEADER}\r\nO1,A,SL,zorg,2020-01-01\nO2,B,SL,zorg,2020-01-01\r\r\nO3,C,SL,zorg,31-02-2020\rO4,"D\r\nE",SL,zorg,2020-01-01\n\nO5,,SL,zorg,2020-01-01\r\n`;
    const r = await refresh(folder({ "members.csv": members }));
    expect(r.code).toBe(0);
    expect(quality(r.csv("data_quality.csv"), "members.csv")).toMatch(/^members\.csv,ok,5,3,2,/);
    const rejects = r
      .csv("rejects.csv")
      .split("\r\n")
      .slice(1, -1)
      .map((l) => l.split(",").slice(0, 5).join(","));
    expect(rejects).toEqual([
      "members.csv,5,joined_on,31-02-2020,invalid_date",
      "members.csv,9,organisation_name,,missing_value",
    ]);
  });

  it("a header repeated mid-file: that line is a bad_row that says so, the rest loads", async () => {
    const members = `${HEADER}\nO1,A,SL,zorg,2020-01-01\n${HEADER}\nO2,B,SL,zorg,2020-01-01\n`;
    const r = await refresh(folder({ "members.csv": members }));
    expect(r.code).toBe(0);
    expect(quality(r.csv("data_quality.csv"), "members.csv")).toMatch(/^members\.csv,ok,3,2,1,/);
    expect(r.csv("rejects.csv")).toContain("members.csv,3,,");
    expect(r.csv("rejects.csv")).toContain(
      "bad_row,Rij kan niet gelezen worden: de kopregel staat hier nog een keer (zijn twee exports aan elkaar geplakt?).",
    );
  });

  it("missing optional files: exit 0, each reported absent", async () => {
    const r = await refresh(folder({}));
    expect(r.code).toBe(0);
    expect(quality(r.csv("data_quality.csv"), "funding.csv")).toBe(
      "funding.csv,absent,0,0,0,0,funding.csv (of financiering.csv) ontbreekt; indicatoren die dit bestand nodig hebben blijven leeg",
    );
    expect(r.stdout).toMatch(/^funding\.csv\s+ontbreekt/m);
  });

  it("a missing required file: exit 2, names it and its Dutch name", async () => {
    const dir = writeExports({
      "projects.csv": "project_id,project_name,network,stage,start_on\n",
    });
    made.push(dir);
    const r = await refresh(dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("members.csv: verplicht bestand ontbreekt in");
    expect(r.stderr).toContain("(naam members.csv of leden.csv)");
  });

  it("unknown files in the folder: ignored and named, exit 0", async () => {
    const r = await refresh(
      folder({
        "notities.csv": "a,b\n1,2\n",
        "LEESMIJ.txt": "hallo\n",
        "logo.png": randomBytes(64),
      }),
    );
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Onbekend bestand genegeerd: LEESMIJ.txt");
    expect(r.stdout).toContain("Onbekend bestand genegeerd: notities.csv");
    expect(r.stdout).not.toContain("logo.png");
  });

  it("a folder that does not exist: exit 2, says so", async () => {
    const r = await refresh(join(tempDir(), "bestaat-niet"));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("de map met exports bestaat niet");
  });
});

describe("Windows-1252 headers", () => {
  it("keep € when the header is checked before loading", async () => {
    const dir = writeExports({ "x.csv": Buffer.from("project_id;bedrag \x80\r\n", "latin1") });
    made.push(dir);
    const head = await readFileHead(join(dir, "x.csv"));
    expect(head.records[0]!.fields).toEqual(["project_id", "bedrag €"]);
  });
});
