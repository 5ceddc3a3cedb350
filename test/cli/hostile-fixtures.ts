import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { tempDir } from "../helpers.ts";

const quote = (field: string) => `"${field.replaceAll('"', '""')}"`;
const csv = (rows: readonly (readonly string[])[]) =>
  rows.map((r) => r.map(quote).join(",")).join("\r\n") + "\r\n";

/**
 * A members and an attendance export named and headed with `h` with their mapping.json (`h` as
 * header, mapped value and network constant), and a project and a milestone whose network and
 * IZA region are `h`.
 */
export function hostileFolder(h: string, fileName = h): string {
  const dir = tempDir("regiomonitor-hostile-");
  // a mapping's file is a name without a folder: a slash or backslash is refused (exit 2)
  const short = fileName.slice(0, 100);
  const head = {
    organisation_id: `${h} id`,
    organisation_name: `${h} naam`,
    sector: `${h} sector`,
    joined_on: h,
    left_on: `${h} tot`,
  };
  const members = [
    [head.organisation_id, head.organisation_name, head.sector, head.joined_on, head.left_on],
    ["R1", `${h} zorggroep`, h, "01-02-2020", ""],
    ["R2", "Gemeente Eindhoven", "overheid", "15-06-2019", ""],
    ["R3", "Fontys", "onderwijs", "10-01-2021", "31-12-2030"],
    // left before it joined: its message names the joined_on header
    ["R4", "Welzijn", h, "01-03-2022", "01-01-2021"],
  ];
  const attendance = [
    [`${h} bijeenkomst`, `${h} datum`, `${h} organisatie`, `${h} aanwezig`],
    [`EV ${h}`, "18-01-2024", "R1", h],
    [`EV ${h}`, "18-01-2024", "R2", "nee"],
    ["EV2", "07-03-2024", "R3", h],
  ];
  // read by the contract's own names: the region and the network hold the name as data
  const projects = [
    ["project_id", "project_name", "network", "stage", "lead_organisation_id", "start_on"],
    [`P ${h}`, `${h} project`, h, "pilot", "R1", "01-01-2023"],
  ];
  const milestones = [
    ["milestone_id", "iza_region", "iza_theme", "title", "project_id", "due_on"],
    [`M ${h}`, h, h, `${h} mijlpaal`, `P ${h}`, "31-12-2023"],
  ];
  writeFileSync(join(dir, "projects.csv"), csv(projects));
  writeFileSync(join(dir, "milestones.csv"), csv(milestones));
  writeFileSync(join(dir, `leden ${short}.csv`), csv(members));
  writeFileSync(join(dir, `aanwezig ${short}.csv`), csv(attendance));
  const mapping = {
    members: {
      file: `leden ${short}.csv`,
      columns: head,
      values: { sector: { [h]: "zorg" } },
      constants: { network: h },
    },
    attendance: {
      file: `aanwezig ${short}.csv`,
      columns: {
        event_id: attendance[0]![0],
        event_date: attendance[0]![1],
        organisation_id: attendance[0]![2],
        attended: attendance[0]![3],
      },
      values: { attended: { [h]: true } },
      constants: { network: h },
    },
  };
  writeFileSync(join(dir, "mapping.json"), JSON.stringify(mapping, null, 2));
  return dir;
}
