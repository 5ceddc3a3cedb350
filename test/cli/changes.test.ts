import { appendFileSync, cpSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.ts";
import { tempDir } from "../helpers.ts";
import { capture, refreshInto, snapshot } from "./cli-helpers.ts";

const SAMPLE = join(import.meta.dirname, "..", "..", "data", "exports");

/**
 * The edit of issue 16: a member added (active at the peildatum), a project ended before the
 * peildatum, and a meeting (its eight registrations) removed.
 */
function editSample(dir: string): void {
  appendFileSync(
    join(dir, "members.csv"),
    "ORG-09999,Testorganisatie (fictief),Slimmer Leven,welzijn,welzijnswerk,GM1659,2024-01-15,\n",
  );
  const projects = readFileSync(join(dir, "projects.csv"), "utf8");
  const ended = projects.replace(/^(PRJ-00005,.*),2028-09-26$/m, "$1,2024-03-31");
  expect(ended).not.toBe(projects);
  writeFileSync(join(dir, "projects.csv"), ended);
  const attendance = readFileSync(join(dir, "attendance.csv"), "utf8").split("\n");
  const kept = attendance.filter((line) => !line.startsWith("EVT-000200,"));
  expect(attendance.length - kept.length).toBe(8);
  writeFileSync(join(dir, "attendance.csv"), kept.join("\n"));
}

/** The summary's lines from "Sinds de vorige verversing" up to the blank line after it. */
function sinceLines(text: string): string[] {
  const lines = text.split("\n");
  const start = lines.findIndex((l) => l.startsWith("Sinds de vorige verversing"));
  expect(start).toBeGreaterThan(-1);
  const end = lines.indexOf("", start);
  return lines.slice(start, end === -1 ? undefined : end);
}

const EXPECTED_FILES = [
  "Sinds de vorige verversing (peildatum 30-06-2024):",
  "  members.csv: 1 rij toegevoegd",
  "  projects.csv: 1 rij gewijzigd",
  "  attendance.csv: 8 rijen verwijderd",
];

describe("since the previous refresh (issue 16 point 2)", () => {
  it("validate --compare shows the edit and writes nothing; the refresh reports exactly it; an unchanged refresh none", async () => {
    const data = join(tempDir(), "exports");
    cpSync(SAMPLE, data, { recursive: true });
    const out = join(tempDir(), "out");
    const first = await refreshInto(data, out);
    expect(first.status).toBe(0);
    expect(sinceLines(first.effects.out.join("\n"))).toEqual([
      "Sinds de vorige verversing: geen vorige verversing, er is niets om mee te vergelijken",
    ]);
    editSample(data);

    // validate --compare: the same comparison against the published database, nothing written
    const before = snapshot(out, first.db, data);
    const check = capture();
    const args = ["validate", "--data", data, "--db", first.db, "--as-of", "2024-06-30"];
    expect(await main([...args, "--compare"], check)).toBe(0);
    expect(snapshot(out, first.db, data)).toEqual(before);
    const previewed = sinceLines(check.out.join("\n"));
    expect(previewed.slice(0, 4)).toEqual(EXPECTED_FILES);
    expect(previewed.at(-1)).toBe("  signalen: 1 nieuw, 0 opgelost");

    const second = await refreshInto(data, out, ["--json"]);
    expect(second.status).toBe(0);
    const json = JSON.parse(second.effects.out.join("\n")) as { changes: Record<string, unknown> };
    expect(json.changes).toMatchObject({
      previous: true,
      previous_as_of: "2024-06-30",
      signals_new: 1,
      signals_resolved: 0,
    });
    const files = json.changes.files as { file: string; added: number; removed: number }[];
    expect(files.filter((f) => f.added || f.removed)).toEqual([
      { file: "members.csv", added: 1, removed: 0, changed: 0 },
      { file: "attendance.csv", added: 0, removed: 8, changed: 0 },
    ]);
    const alle = json.changes.indicators_alle as { indicator: string; old_value: number }[];
    expect(alle.find((i) => i.indicator === "leden_actief")).toMatchObject({
      old_value: 105,
      new_value: 106,
      change: "gestegen",
    });
    expect(alle.find((i) => i.indicator === "projecten_actief")).toMatchObject({
      old_value: 45,
      new_value: 44,
    });
    const csv = readFileSync(join(out, "changes.csv"), "utf8");
    expect(csv).toMatch(/^signaal,slapend_lid,netwerk,Slimmer Leven,ORG-09999,nieuw,laag,/m);
    expect(csv).toMatch(/^export,projects\.csv,,,,gewijzigd,,0,0,1,/m);

    // The same exports again: nothing changed, nothing written, and the summary says so.
    const third = await refreshInto(data, out);
    expect(sinceLines(third.effects.out.join("\n"))).toEqual([
      "Sinds de vorige verversing (peildatum 30-06-2024): geen wijzigingen in exports, indicatoren of signalen",
    ]);
    // A full refresh compares anew and writes a table with no changes.
    expect((await refreshInto(data, out, ["--full"])).status).toBe(0);
    const none = readFileSync(join(out, "changes.csv"), "utf8").trim().split("\n").slice(1);
    expect(none.filter((l) => !/^export,[a-z_]+\.csv,,,,ongewijzigd,,0,0,0,/.test(l))).toEqual([
      "vergelijking,vorige_verversing,,,,vergeleken,,,,,2024-06-30,,2024-06-30,,Vergeleken met de vorige verversing (peildatum 30-06-2024).",
    ]);
  }, 900_000);
});
