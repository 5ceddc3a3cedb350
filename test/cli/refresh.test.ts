import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.ts";
import type { Effects } from "../../src/effects.ts";
import { acquireLock } from "../../src/refresh/lock.ts";
import { MEMBERS, tempDir, writeExports } from "../helpers.ts";

/** Effects that keep what a command printed. */
function capture(): Effects & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, output: (t) => out.push(t), progress: (m) => err.push(m) };
}

/** SHA-256 of every file in a folder, by name. */
function snapshot(dir: string): Record<string, string> {
  const result: Record<string, string> = {};
  for (const name of readdirSync(dir).sort()) {
    result[name] = createHash("sha256")
      .update(readFileSync(join(dir, name)))
      .digest("hex");
  }
  return result;
}

const PARTNERS = "project_id,organisation_id\nP1,O1\nP1,O9\n";
const PROJECTS =
  "project_id,project_name,network,stage,start_on\nP1,Een,Slimmer Leven,pilot,2021-01-01\n";

describe("regiomonitor refresh", () => {
  it("writes data_quality and rejects in three formats, with exact lines", async () => {
    const data = writeExports({
      "leden.csv":
        "sep=;\r\norganisatie_id;naam;netwerk;sector;lid_sinds\r\nO1;A;SL;zorg;01-02-2020\r\n\r\nO2;B;SL;zorg;30-02-2020\r\n",
      "projecten.csv": PROJECTS,
    });
    const out = join(tempDir(), "out");
    const effects = capture();
    const status = await main(
      ["refresh", "--data", data, "--out", out, "--db", join(out, "monitor.duckdb")],
      effects,
    );
    expect(status).toBe(0);
    expect(readdirSync(out)).toEqual(
      expect.arrayContaining([
        "data_quality.csv",
        "data_quality.nl.csv",
        "data_quality.parquet",
        "monitor.duckdb",
        "rejects.csv",
        "rejects.nl.csv",
        "rejects.parquet",
      ]),
    );
    expect(readdirSync(out).filter((f) => !/\.(csv|parquet|duckdb)$/.test(f))).toEqual([
      "regiomonitor.xlsx",
    ]);
    expect(readFileSync(join(out, "rejects.csv"), "utf8")).toBe(
      "file,line,column,value,reason,message_nl\r\n" +
        'members.csv,5,joined_on,30-02-2020,invalid_date,"Kolom ""lid_sinds"": ""30-02-2020"" is geen geldige datum (gebruik bijv. 05-03-2024 of 2024-03-05)."\r\n',
    );
    const nl = readFileSync(join(out, "data_quality.nl.csv"), "utf8");
    expect(
      nl.startsWith("\uFEFFfile;status;rows_read;rows_loaded;rows_rejected;warnings;note\r\n"),
    ).toBe(true);
    expect(nl).toContain(
      'members.csv;ok;2;1;1;0;"gelezen uit leden.csv; tekenset UTF-8; scheidingsteken puntkomma"\r\n',
    );
    expect(effects.out.join("\n")).toContain("Afgewezen rijen: 1");
  });

  it("stops with exit 2 on a missing required column and leaves the previous state byte-identical", async () => {
    const good = writeExports({
      "members.csv": MEMBERS,
      "projects.csv": PROJECTS,
      "project_partners.csv": PARTNERS,
    });
    const out = join(tempDir(), "out");
    const db = join(tempDir(), "monitor.duckdb");
    expect(await main(["refresh", "--data", good, "--out", out, "--db", db], capture())).toBe(0);
    const before = {
      out: snapshot(out),
      db: createHash("sha256").update(readFileSync(db)).digest("hex"),
    };

    const bad = writeExports({
      "members.csv": "organisation_id,organisation_name,network,joined_on\nO1,A,SL,2020-01-01\n",
    });
    const effects = capture();
    expect(await main(["refresh", "--data", bad, "--out", out, "--db", db], effects)).toBe(2);
    const message = effects.err.join("\n");
    expect(message).toContain(
      "members.csv: verplichte kolom sector ontbreekt (toegestane namen: sector)",
    );
    expect(message).toContain("organisation_id of organisatie_id (verplicht)");
    expect(message).toContain("de vorige database en uitvoer zijn ongewijzigd");
    expect(snapshot(out)).toEqual(before.out);
    expect(createHash("sha256").update(readFileSync(db)).digest("hex")).toBe(before.db);
    expect(readdirSync(join(out, "..")).filter((n) => n.includes(".new-"))).toEqual([]);
  });

  it("exits 2 on an empty file, naming it", async () => {
    const effects = capture();
    const data = writeExports({ "members.csv": "\n\n" });
    expect(await main(["validate", "--data", data], effects)).toBe(2);
    expect(effects.err.join("\n")).toContain("members.csv: het bestand is leeg");
  });

  it("exits 2 on a wrong argument and 1 with --strict when rows were rejected", async () => {
    expect(await main(["refresh", "--as-of", "31-12-2024"], capture())).toBe(2);
    expect(await main(["refresh", "--onbekend"], capture())).toBe(2);
    const data = writeExports({ "members.csv": `${MEMBERS}O3,,SL,zorg,2020-01-01\n` });
    const out = join(tempDir(), "out");
    expect(
      await main(
        ["refresh", "--data", data, "--out", out, "--db", join(out, "m.duckdb"), "--strict"],
        capture(),
      ),
    ).toBe(1);
    expect(existsSync(join(out, "rejects.csv"))).toBe(true);
  });

  it("exits 1 with --strict when a signal of severity hoog exists, 0 without --strict", async () => {
    const data = writeExports({
      "members.csv": MEMBERS,
      "milestones.csv":
        "milestone_id,iza_region,iza_theme,title,due_on\nM1,ZK25,Wonen,Plan,2023-01-31\n",
    });
    const out = join(tempDir(), "out");
    const args = ["refresh", "--data", data, "--out", out, "--db", join(out, "m.duckdb")];
    // M1 was due on 31-01-2023 and is more than 6 months overdue at the peildatum: hoog
    expect(await main([...args, "--as-of", "2024-06-30", "--strict"], capture())).toBe(1);
    expect(await main([...args, "--as-of", "2024-06-30"], capture())).toBe(0);
    expect(readFileSync(join(out, "signals.csv"), "utf8")).toContain(
      "mijlpaal_achterstallig,hoog,iza_regio,ZK25,M1,",
    );
  });

  it("exits 3 while another refresh holds the lock on the same database", async () => {
    const data = writeExports({ "members.csv": MEMBERS });
    const dir = tempDir();
    const db = join(dir, "monitor.duckdb");
    const release = acquireLock(`${db}.lock`, db);
    try {
      const effects = capture();
      expect(
        await main(["refresh", "--data", data, "--out", join(dir, "out"), "--db", db], effects),
      ).toBe(3);
      expect(effects.err.join("\n")).toContain("een andere refresh");
      expect(existsSync(join(dir, "out"))).toBe(false);
    } finally {
      release();
    }
  });

  it("prints the summary as JSON with --json", async () => {
    const data = writeExports({ "members.csv": MEMBERS });
    const out = join(tempDir(), "out");
    const effects = capture();
    writeFileSync(join(data, "notities.csv"), "x\n");
    expect(
      await main(
        [
          "refresh",
          "--data",
          data,
          "--out",
          out,
          "--db",
          join(out, "m.duckdb"),
          "--json",
          "--as-of",
          "2024-12-31",
        ],
        effects,
      ),
    ).toBe(0);
    const summary = JSON.parse(effects.out.join("\n"));
    expect(summary).toMatchObject({
      status: "ok",
      as_of: "2024-12-31",
      rows_rejected: 0,
      unknown_files: ["notities.csv"],
    });
    expect(summary.files[0]).toMatchObject({ file: "members.csv", rows_read: 2, rows_loaded: 2 });
  });
});
