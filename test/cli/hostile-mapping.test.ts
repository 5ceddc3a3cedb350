// Exports whose file names, headers, mapped values, constants and network names hold SQL's
// special characters refresh through mapping.json like any other: exit 0, never 4 (issue 17).
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.ts";
import { sql } from "../../src/db/sql.ts";
import { HOSTILE_NAMES } from "../db/hostile.ts";
import { tempDir } from "../helpers.ts";
import { hostileFolder } from "./hostile-fixtures.ts";
import { capture, query, refreshInto } from "./cli-helpers.ts";

describe("hostile names through mapping.json", () => {
  it("validates the issue's mapping of joined_on to Lid sinds (d'r)", async () => {
    const effects = capture();
    const status = await main(["validate", "--data", hostileFolder("Lid sinds (d'r)")], effects);
    expect(effects.err.join("\n")).not.toMatch(/Parser Error|interne fout/i);
    expect(status).toBe(0);
  });

  it("refuses a file pattern with a backslash with exit 2, naming the entry", async () => {
    const { status, effects } = await refreshInto(
      hostileFolder("x", "C:\\exports\\leden"),
      join(tempDir(), "uit"),
    );
    expect(status).toBe(2);
    expect([...effects.err, ...effects.out].join("\n")).toContain(
      "mapping.json → members → file: alleen een bestandsnaam of patroon, zonder map",
    );
  });

  for (const h of HOSTILE_NAMES) {
    it(`refreshes with ${JSON.stringify(h.slice(0, 40))}`, async () => {
      const data = hostileFolder(h, h.replaceAll("\\", "_"));
      const { status, db, effects } = await refreshInto(data, join(tempDir(), "uit"));
      expect(effects.err.join("\n")).not.toMatch(/Parser Error|Binder Error|interne fout/i);
      expect(status).toBe(0);
      const quality = await query<{ file: string; rows_loaded: number; rows_rejected: number }>(
        db,
        sql`select file, rows_loaded, rows_rejected from data_quality where status = 'ok' order by file`,
      );
      expect(quality).toEqual([
        { file: "attendance.csv", rows_loaded: 3, rows_rejected: 0 },
        { file: "members.csv", rows_loaded: 3, rows_rejected: 1 },
        { file: "milestones.csv", rows_loaded: 1, rows_rejected: 0 },
        { file: "projects.csv", rows_loaded: 1, rows_rejected: 0 },
      ]);
      const [reject] = await query<{ message_nl: string; value: string }>(
        db,
        sql`select message_nl, value from rejects where file = 'members.csv'`,
      );
      expect(reject!.message_nl).toContain(`moet na ${h.trim()} liggen.`);
      const networks = await query<{ scope: string }>(
        db,
        sql`select distinct scope from indicators where scope_type = 'netwerk'`,
      );
      expect(networks).toEqual([{ scope: h.trim().replace(/\s+/g, " ") }]);
      const folded = h.trim().replace(/\s+/g, " ");
      const regions = await query<{ scope: string }>(
        db,
        sql`select distinct scope from indicators where scope_type = 'iza_regio'`,
      );
      expect(regions).toEqual([{ scope: folded }]);
      const signals = await query<{ scope: string; message_nl: string }>(
        db,
        sql`select scope, message_nl from signals where signal = 'mijlpaal_achterstallig'`,
      );
      expect(signals).toEqual([
        {
          scope: folded,
          message_nl: `Mijlpaal "${folded} mijlpaal" (${folded}, ${folded}) had op 31-12-2023 gereed moeten zijn en is dat nog niet.`,
        },
      ]);
      const [sector] = await query<{ sector: string }>(
        db,
        sql`select sector from members where organisation_id = 'R1'`,
      );
      expect(sector!.sector).toBe("zorg");
    });
  }
});
