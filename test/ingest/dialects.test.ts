import { describe, expect, it } from "vitest";
import { rows } from "../../src/db/duckdb.ts";
import { load, rejectsOf, writeExports } from "../helpers.ts";
import { sql } from "../../src/db/sql.ts";

interface Member {
  organisation_id: string;
  organisation_name: string;
  network: string;
  sector: string;
  municipality_code: string | null;
  joined_on: string;
  left_on: string | null;
}

async function members(files: Record<string, string | Uint8Array>): Promise<Member[]> {
  const { db } = await load(writeExports(files));
  return rows<Member>(
    db,
    sql`select organisation_id, organisation_name, network, sector, municipality_code,
      strftime(joined_on, '%Y-%m-%d') as joined_on, strftime(left_on, '%Y-%m-%d') as left_on
     from members order by line`,
  );
}

const EXPECTED: Member[] = [
  {
    organisation_id: "O1",
    organisation_name: "Zorggroep Één",
    network: "Slimmer Leven",
    sector: "zorg",
    municipality_code: "GM0772",
    joined_on: "2020-03-05",
    left_on: null,
  },
  {
    organisation_id: "O2",
    organisation_name: "Hogeschool, Twee",
    network: "Slimmer Leven",
    sector: "onderwijs",
    municipality_code: "GM1674",
    joined_on: "2021-01-31",
    left_on: "2024-06-30",
  },
];

describe("every dialect of spec/contract.md loads the same rows", () => {
  it("plain: comma, ISO dates, LF, UTF-8 without BOM", async () => {
    const text =
      "organisation_id,organisation_name,network,sector,municipality_code,joined_on,left_on\n" +
      'O1,Zorggroep Één,Slimmer Leven,zorg,GM0772,2020-03-05,\nO2,"Hogeschool, Twee",Slimmer Leven,onderwijs,1674,2021-01-31,2024-06-30\n';
    expect(await members({ "members.csv": text })).toEqual(EXPECTED);
  });

  it("Dutch Excel: BOM, sep= hint, semicolons, CRLF, Dutch names and aliases, dd-mm-jjjj", async () => {
    const text =
      "\uFEFFsep=;\r\n Organisatie_ID ;Organisatie;NETWERK;Sector;Gemeentecode;Lid_sinds;Lid_tot\r\n" +
      "O1;Zorggroep  Één ;Slimmer Leven;Care;0772;05-03-2020;\r\nO2;Hogeschool, Twee;Slimmer  Leven;EDUCATION;GM1674;31/1/2021;30-6-2024\r\n";
    expect(await members({ "Leden.CSV": text })).toEqual(EXPECTED);
  });

  it("tab-separated with a trailing delimiter, blank lines and a quoted line break", async () => {
    const text =
      "organisation_id\tnaam\tnetwork\tsector\tmunicipality_code\tstartdatum\teinddatum\t\n\n" +
      "O1\tZorggroep Één\tSlimmer Leven\tzorg\t772\t2020-03-05T09:00:00\t\t\n\n" +
      'O2\t"Hogeschool,\nTwee"\tSlimmer Leven\tonderwijs\tGM1674\t2021-01-31 10:00\t2024-06-30\t\n';
    const loaded = await members({ "members.csv": text });
    expect(loaded).toEqual([
      EXPECTED[0],
      { ...EXPECTED[1], organisation_name: "Hogeschool, Twee" },
    ]);
  });

  it("Windows-1252: € and ë survive and the quality report says so", async () => {
    const text =
      "organisation_id;organisation_name;network;sector;joined_on\r\nO1;Café Zoë € 1;Slimmer Leven;zorg;01-02-2020\r\n";
    const bytes = Buffer.from([...text].map((c) => (c === "€" ? 0x80 : c.charCodeAt(0))));
    const { db, result } = await load(writeExports({ "members.csv": bytes }));
    const [row] = await rows<{ organisation_name: string }>(
      db,
      sql`select organisation_name from members`,
    );
    expect(row!.organisation_name).toBe("Café Zoë € 1");
    expect(result.quality[0]!.note).toContain("Windows-1252");
  });

  it("lists unknown columns in the quality report and never loads them", async () => {
    const text =
      "organisation_id,organisation_name,email,network,sector,joined_on,telefoon\nO1,A,jan@example.nl,SL,zorg,2020-01-01,0612345678\n";
    const { db, result } = await load(writeExports({ "members.csv": text }));
    expect(result.quality[0]!.note).toContain("genegeerde kolommen: email, telefoon");
    const columns = await rows<{ column_name: string }>(
      db,
      sql`select column_name from duckdb_columns() where column_name in ('email', 'telefoon')`,
    );
    expect(columns).toEqual([]);
    const values = await rows(db, sql`select * from raw_members`);
    expect(JSON.stringify(values)).not.toContain("jan@example.nl");
  });

  it("reads a header with surrounding spaces and odd case, and an empty boolean as false", async () => {
    const text =
      "Bijeenkomst_ID , DATUM ,Aanwezig\nE1,2024-01-01,\nE1,2024-01-01,X\nE2,2024-02-01,Nee\n";
    const { db } = await load(
      writeExports({
        "members.csv":
          "organisation_id,organisation_name,network,sector,joined_on\nO1,A,SL,zorg,2020-01-01\n",
        "attendance.csv": text,
      }),
    );
    const attended = await rows<{ attended: boolean; person_role: string }>(
      db,
      sql`select attended, person_role from attendance order by line`,
    );
    expect(attended).toEqual([
      { attended: false, person_role: "overig" },
      { attended: true, person_role: "overig" },
      { attended: false, person_role: "overig" },
    ]);
    expect(await rejectsOf(db)).toEqual([]);
  });
});
