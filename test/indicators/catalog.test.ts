// An indicator id is written once, in its catalog entry: each family's values come from its
// entries, and an id in SQL that the catalog lacks fails the refresh by name (issue 17).
import { describe, expect, it } from "vitest";
import { rows } from "../../src/db/duckdb.ts";
import { sql } from "../../src/db/sql.ts";
import { families } from "../../src/indicators/index.ts";
import type { CatalogEntry, IndicatorFamily } from "../../src/indicators/types.ts";
import { valuesCtes } from "../../src/indicators/values.ts";
import { signalsSql } from "../../src/signals/rules.ts";
import { MEMBERS } from "../helpers.ts";
import { compute, csv } from "./helpers.ts";

const membership = families[0]!;

describe("indicator ids from the catalog", () => {
  it("names only catalog ids in the signal rules", () => {
    const ids = new Set(families.flatMap((f) => f.entries.map((e) => e.id)));
    const named = [...signalsSql().text.matchAll(/indicator = '([^']+)'/g)].map((m) => m[1]!);
    expect(named.length).toBeGreaterThan(0);
    for (const id of named) expect(ids.has(id), id).toBe(true);
  });

  it("gives every catalog entry of every family exactly one value branch", () => {
    for (const family of families) {
      // The family's query and the tables it prepares (F computes its values in one).
      const text = [family.sql, ...(family.prepare ?? []).map((t) => t.query)]
        .map((q) => q.text)
        .join("\n");
      for (const entry of family.entries) {
        const branches = text.split(`'${entry.id}' as indicator`).length - 1;
        expect(branches, `${entry.code} ${entry.id}`).toBe(1);
      }
      expect(text.match(/ as indicator,/g)?.length).toBe(family.entries.length);
    }
  });

  it("computes a value for every catalog id and no other id", async () => {
    // one member joins and one leaves in the last quarter, so inflow and outflow have rows too
    const members = csv(
      "organisation_id,organisation_name,network,sector,joined_on,left_on",
      "O1,Zorggroep Een,Slimmer Leven,zorg,2020-01-01,",
      "O2,Hogeschool Twee,Slimmer Leven,onderwijs,2024-05-01,",
      "O3,Gemeente Drie,Slimmer Leven,overheid,2020-01-01,2024-05-15",
    );
    const db = await compute({ "members.csv": members }, [membership], "2024-06-30");
    const ids = await rows<{ indicator: string }>(
      db,
      sql`select distinct indicator from indicator_values order by indicator`,
    );
    expect(ids.map((r) => r.indicator)).toEqual(membership.entries.map((e) => e.id).sort());
  });

  it("refuses an entry without a value, naming it", () => {
    const bare = { ...membership.entries[0]!, value: undefined } as unknown as CatalogEntry;
    expect(() => valuesCtes([bare])).toThrow(
      "indicator leden_actief: de catalogus geeft geen waarde",
    );
  });

  it("fails the computation, naming it, when the SQL gives an id the catalog lacks", async () => {
    const renamed: IndicatorFamily = {
      ...membership,
      sql: sql`${membership.sql} union all select 'totaal', 'alle', 'leden_actief_oud', d, 1 from ref_dates`,
    };
    await expect(compute({ "members.csv": MEMBERS }, [renamed], "2024-06-30")).rejects.toThrow(
      "indicator: de SQL geeft een id die niet in de catalogus staat: leden_actief_oud",
    );
  });
});
