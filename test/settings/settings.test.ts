import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { methodJson } from "../../loaders/site-extra.ts";
import { sql } from "../../src/db/sql.ts";
import { defaultSettings, parseSettings, settingsJson } from "../../src/settings/settings.ts";
import { signalsSql } from "../../src/signals/rules.ts";
import { signalSettings } from "../../src/signals/settings.ts";
import { query, refreshInto, snapshot } from "../cli/cli-helpers.ts";
import { toolFolder } from "../cli/mapping-fixtures.ts";
import { tempDir } from "../helpers.ts";

describe("parseSettings", () => {
  it("README's instellingen.json example is exactly the defaults", () => {
    const readme = readFileSync("README.md", "utf8");
    const block = readme.split("### Instellingen: `instellingen.json`")[1]!.split("```json\n")[1]!;
    const example = JSON.parse(block.split("```")[0]!) as unknown;
    expect(example).toEqual(settingsJson(defaultSettings));
  });

  it("keeps every default for an empty object", () => {
    expect(parseSettings("{}")).toEqual({ settings: defaultSettings, problems: [] });
    expect(defaultSettings.quarters).toBe(11);
  });

  it("takes the quarters and each signal's thresholds", () => {
    const { settings, problems } = parseSettings(
      JSON.stringify({
        quarters: 4,
        signals: {
          opkomst_daling: { drop: 0.1, lookback: 2, severity: "hoog" },
          behoud_laag: { minimum: 0.9 },
        },
      }),
    );
    expect(problems).toEqual([]);
    expect(settings.quarters).toBe(4);
    expect(settings.signals).toEqual({
      ...signalSettings,
      attendanceDrop: 0.1,
      attendanceDropLookback: 2,
      attendanceDropSeverity: "hoog",
      retentionMinimum: 0.9,
    });
    expect(settingsJson(settings)).toMatchObject({
      quarters: 4,
      signals: { opkomst_daling: { drop: 0.1, lookback: 2, severity: "hoog" } },
    });
  });

  it("names the path of every bad value in Dutch", () => {
    const { problems } = parseSettings(
      JSON.stringify({
        quarters: 2.5,
        kwartalen: 4,
        signals: {
          opkomst_daling: { drop: 15, lookback: 3 },
          behoud_laag: { severity: "rood", minimum: "0,8" },
          slaapend_lid: {},
        },
      }),
    );
    expect(problems).toEqual([
      {
        file: "instellingen.json → quarters",
        message_nl: "verwacht een geheel getal van 1 tot en met 40, niet 2.5",
      },
      {
        file: "instellingen.json → kwartalen",
        message_nl: "onbekende instelling; gebruik quarters, signals",
      },
      {
        file: "instellingen.json → signals → opkomst_daling → drop",
        message_nl:
          "verwacht een getal van 0 tot en met 1 (een aandeel, bijv. 0.15 voor 15 %), niet 15",
      },
      {
        file: "instellingen.json → signals → behoud_laag → severity",
        message_nl: 'verwacht een van hoog, middel, laag, niet "rood"',
      },
      {
        file: "instellingen.json → signals → behoud_laag → minimum",
        message_nl:
          'verwacht een getal van 0 tot en met 1 (een aandeel, bijv. 0.15 voor 15 %), niet "0,8"',
      },
      {
        file: "instellingen.json → signals → slaapend_lid",
        message_nl:
          "onbekend signaal; gebruik verduurzaming_risico, slapend_lid, mijlpaal_achterstallig, opkomst_daling, behoud_laag",
      },
    ]);
    expect(parseSettings("{ quarters: 4 }").problems).toEqual([
      { file: "instellingen.json", message_nl: "geen geldige JSON" },
    ]);
    expect(parseSettings('{"quarters": 2}').problems[0]!.message_nl).toBe(
      "4 peildata terug kan niet met quarters 2",
    );
  });
});

describe("signal thresholds in the signal SQL", () => {
  it("says over how many quarters attendance dropped", () => {
    expect(signalsSql().text).toContain("' in vier kwartalen.'");
    const one = signalsSql({ ...signalSettings, attendanceDropLookback: 1 }).text;
    expect(one).toContain("' in één kwartaal.'");
    expect(one).toContain("r.idx = x.idx - 1");
    const many = signalsSql({ ...signalSettings, attendanceDropLookback: 12 }).text;
    // Counted in the summaries' words (src/summaries/nl.ts): up to twelve, then digits.
    expect(many).toContain("' in twaalf kwartalen.'");
    const more = signalsSql({ ...signalSettings, attendanceDropLookback: 13 }).text;
    expect(more).toContain("' in 13 kwartalen.'");
  });
});

describe("instellingen.json in a refresh", () => {
  const dates = (db: string) =>
    query<{ n: bigint }>(db, sql`select count(distinct period_end) as n from indicators`);

  it("sets the reference dates and is stored; a change recomputes, a bad value exits 2", async () => {
    const data = toolFolder();
    const out = join(tempDir(), "uit");
    const first = await refreshInto(data, out);
    expect(first.status).toBe(0);
    expect(await dates(first.db)).toEqual([{ n: 12n }]);

    writeFileSync(join(data, "instellingen.json"), JSON.stringify({ quarters: 4 }));
    const second = await refreshInto(data, out, ["--json"]);
    expect(second.status).toBe(0);
    expect(JSON.parse(second.effects.out.join("")).mode).not.toBe("unchanged");
    expect(await dates(second.db)).toEqual([{ n: 5n }]);
    const [stored] = await query<{ value: string }>(
      second.db,
      sql`select value from load_info where key = 'settings'`,
    );
    expect(JSON.parse(stored!.value)).toMatchObject({ quarters: 4 });

    // the methodology page shows the settings the refresh used, and rules with its thresholds
    const method = JSON.parse(await methodJson(second.db)) as {
      settings: { quarters: number };
      signal_rules: { signal: string; rule_nl: string }[];
    };
    expect(method.settings).toEqual(settingsJson({ ...defaultSettings, quarters: 4 }));
    expect(method.signal_rules.find((r) => r.signal === "opkomst_daling")!.rule_nl).toBe(
      "De opkomst (E2) is meer dan 15 procentpunt lager dan 4 peildata eerder.",
    );

    const third = await refreshInto(data, out, ["--json"]);
    expect(JSON.parse(third.effects.out.join("")).mode).toBe("unchanged");

    const before = snapshot(out, second.db);
    writeFileSync(join(data, "instellingen.json"), JSON.stringify({ quarters: "vier" }));
    const bad = await refreshInto(data, out);
    expect(bad.status).toBe(2);
    expect([...bad.effects.err, ...bad.effects.out].join("\n")).toContain(
      'instellingen.json → quarters: verwacht een geheel getal van 1 tot en met 40, niet "vier"',
    );
    expect(snapshot(out, second.db)).toEqual(before);
  });

  it("--settings names another file, and the thresholds reach the signals", async () => {
    const data = toolFolder();
    const settings = join(tempDir(), "strenger.json");
    writeFileSync(settings, JSON.stringify({ signals: { slapend_lid: { severity: "hoog" } } }));
    const { status, db } = await refreshInto(data, join(tempDir(), "uit"), [
      "--settings",
      settings,
    ]);
    expect(status).toBe(0);
    const signals = await query<{ subject_id: string; severity: string }>(
      db,
      sql`select subject_id, severity from signals where signal = 'slapend_lid' order by all`,
    );
    // R002 and R005 were registered but absent: no project, no meeting attended in 12 months
    expect(signals).toEqual([
      { subject_id: "R002", severity: "hoog" },
      { subject_id: "R005", severity: "hoog" },
    ]);
  });
});
