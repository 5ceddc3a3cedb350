import { cpSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { tempDir } from "../helpers.ts";
import { refreshInto, snapshot } from "./cli-helpers.ts";
import * as x from "./mapping-fixtures.ts";
import { toolFolder } from "./mapping-fixtures.ts";

/** The fixture mapping with one change made by `change`. */
function changed(change: (m: Record<string, Record<string, Record<string, unknown>>>) => void) {
  const mapping = structuredClone(x.MAPPING) as unknown as Record<
    string,
    Record<string, Record<string, unknown>>
  >;
  change(mapping);
  return mapping;
}

const cases: [string, unknown, string][] = [
  [
    "a header the file lacks",
    changed((m) => (m.attendance!.columns!.event_date = "Datum evenementen")),
    'mapping.json → attendance → columns → event_date: de kop "Datum evenementen" staat niet in deelnemers-export-1.csv (koppen: Evenement ID, Evenement, Datum evenement, Type, Relatienummer, Organisatie, Naam, E-mail, Functie, Ingecheckt)',
  ],
  [
    "a contract column that does not exist",
    changed((m) => (m.members!.columns!.lid_sinds = "Lid sinds")),
    "mapping.json → members → columns → lid_sinds: members.csv heeft geen kolom lid_sinds (kolommen: organisation_id, organisation_name, network, sector, subsector, municipality_code, joined_on, left_on)",
  ],
  [
    "an unknown file key",
    changed((m) => (m["deelnemers.csv"] = {})),
    "mapping.json → deelnemers.csv: onbekend bestand; gebruik members, projects, project_partners, funding, attendance, milestones, survey_responses, survey_relations (zonder .csv)",
  ],
  [
    "JSON that does not parse",
    '{ "members": { "file": "crm-relaties.csv", } }',
    "mapping.json: geen geldige JSON (regel 1, kolom 44): controleer komma's, aanhalingstekens en haakjes; commentaar is niet toegestaan",
  ],
  [
    "a glob that matches nothing for the required members",
    changed((m) => ((m.members as Record<string, unknown>).file = "crm-leden-*.csv")),
    'mapping.json → members → file: "crm-leden-*.csv" past op geen enkel bestand in',
  ],
  [
    "a blank the analyst has not filled in",
    changed((m) => ((m.attendance!.values!.person_role as Record<string, string>).Directeur = "")),
    'mapping.json → attendance → values → person_role → "Directeur": nog niet ingevuld (kies uit bestuurder, management, professional, student, burger, overig)',
  ],
  [
    "a value that is not in the vocabulary",
    changed((m) => ((m.members!.values!.sector as Record<string, string>).Hogeschool = "school")),
    'mapping.json → members → values → sector → "Hogeschool": "school" is geen waarde van sector (kies uit zorg, welzijn, onderwijs, kennisinstelling, overheid, bedrijfsleven, zorgverzekeraar, burgers)',
  ],
  [
    "a required column that is neither mapped nor constant",
    changed((m) => delete m.attendance!.columns!.event_date),
    "mapping.json → attendance → columns: verplichte kolom event_date ontbreekt: noem de kop uit deelnemers-export-1.csv, of geef één waarde voor alle rijen in constants",
  ],
];

/** A folder with the refresh that every case starts from: made once, copied into each case's. */
let previous: Promise<string> | undefined;

async function previousRefresh(): Promise<string> {
  const dir = tempDir();
  const first = await refreshInto(toolFolder(), join(dir, "out"));
  expect(first.status).toBe(0);
  return dir;
}

describe("a wrong mapping.json stops the refresh with exit 2 and leaves the previous outputs", () => {
  it.each(cases)("%s", async (_, mapping, message) => {
    const dir = tempDir();
    cpSync(await (previous ??= previousRefresh()), dir, { recursive: true });
    const out = join(dir, "out");
    const db = `${out}.duckdb`;
    const before = snapshot(out, db);

    const { status, effects } = await refreshInto(toolFolder(mapping), out);
    expect(status).toBe(2);
    const printed = effects.err.join("\n");
    expect(printed).toContain(`  ${message}`);
    expect(printed).toContain("de vorige database en uitvoer zijn ongewijzigd");
    expect(snapshot(out, db)).toEqual(before);
  });

  it("reports every problem of a mapping at once", async () => {
    const mapping = changed((m) => {
      m.attendance!.constants!.netwerk = "Slimmer Leven";
      m.attendance!.kolommen = {};
    });
    const { status, effects } = await refreshInto(toolFolder(mapping), join(tempDir(), "out"));
    expect(status).toBe(2);
    const printed = effects.err.join("\n");
    expect(printed).toContain("mapping.json → attendance → kolommen: onbekende sleutel");
    expect(printed).toContain(
      "mapping.json → attendance → constants → netwerk: attendance.csv heeft geen kolom netwerk",
    );
  });
});
