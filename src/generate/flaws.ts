import type { FileKey } from "../contract/index.ts";
import { isoOf } from "./dates.ts";
import { raw, type Cell, type ExportRow } from "./dialect.ts";
import type { Meeting } from "./events.ts";
import { fundingRow } from "./funding.ts";
import { idOf, type FundingLine, type Organisation, type Project } from "./model.ts";
import { CIC_WEST_BRABANT, SLIMMER_LEVEN } from "./networks.ts";
import type { SurveyKey } from "./survey-spec.ts";
import type { Insert } from "./writeExport.ts";

/** One deliberately flawed row, as a real export has them, and the reject it must cause. */
export interface Flaw {
  readonly file: FileKey | SurveyKey;
  readonly column: string;
  readonly reason: string;
  readonly insert: Insert;
}

export interface FlawInput {
  readonly organisations: readonly Organisation[];
  readonly projects: readonly Project[];
  readonly funding: readonly FundingLine[];
  readonly meetings: readonly Meeting[];
}

const member = (fields: Readonly<Record<string, Cell>>): ExportRow => ({
  subsector: null,
  left_on: null,
  ...fields,
});

function flaw(
  file: Flaw["file"],
  column: string,
  reason: string,
  after: number,
  row: ExportRow,
): Flaw {
  return { file, column, reason, insert: { after, row } };
}

/**
 * The fixed flaws of the regio set. Each row has exactly one problem, and the flawed value is
 * written as the same raw text in both dialects, so both dialects give the same rejects.
 */
export function regioFlaws(input: FlawInput): Flaw[] {
  const { organisations, projects, funding, meetings } = input;
  const orgId = (k: number): string => idOf("ORG", organisations.length + k, 5);
  const someMember = organisations[Math.floor(organisations.length / 3)]?.id ?? null;
  const flaws: Flaw[] = [
    flaw(
      "members",
      "joined_on",
      "invalid_date",
      17,
      member({
        organisation_id: orgId(1),
        organisation_name: "Thuiszorg Mierlo-Hout (fictief)",
        network: SLIMMER_LEVEN,
        sector: "zorg",
        subsector: "wijkverpleging",
        municipality_code: "GM1771",
        joined_on: raw("31-02-2023"),
      }),
    ),
    flaw(
      "members",
      "sector",
      "unknown_value",
      48,
      member({
        organisation_id: orgId(2),
        organisation_name: "Stichting Dorpsbelang Leende (fictief)",
        network: SLIMMER_LEVEN,
        sector: raw("onbekend"),
        municipality_code: "1658",
        joined_on: "2022-04-01",
      }),
    ),
    flaw(
      "members",
      "left_on",
      "invalid_range",
      83,
      member({
        organisation_id: orgId(3),
        organisation_name: "Distributiecentrum Moerdijk (fictief)",
        network: CIC_WEST_BRABANT,
        sector: "bedrijfsleven",
        subsector: "logistiek",
        municipality_code: "GM1709",
        joined_on: raw("2023-06-01"),
        left_on: raw("2022-12-31"),
      }),
    ),
    flaw(
      "members",
      "organisation_name",
      "missing_value",
      120,
      member({
        organisation_id: orgId(4),
        organisation_name: null,
        network: CIC_WEST_BRABANT,
        sector: "overheid",
        municipality_code: "0758",
        joined_on: "2021-03-15",
      }),
    ),
  ];
  const duplicated = funding[10];
  if (duplicated) {
    const copy = {
      ...duplicated,
      year: duplicated.year + 1,
      amount: Math.round(duplicated.amount / 2),
    };
    flaws.push(flaw("funding", "funding_id", "duplicate_key", 40, fundingRow(copy)));
  }
  const project = projects[Math.floor(projects.length / 2)];
  if (project) {
    flaws.push(
      flaw("funding", "amount_eur", "invalid_range", 75, {
        funding_id: idOf("FIN", funding.length + 1, 6),
        project_id: project.id,
        source_type: "eigen_bijdrage",
        funder_organisation_id: project.lead,
        year: 2024,
        amount_eur: raw("-500"),
        kind: "incidenteel",
        status: "toegekend",
      }),
    );
  }
  const unknownProject = idOf("PRJ", 999, 5);
  if (!projects.some((p) => p.id === unknownProject)) {
    flaws.push(
      flaw("project_partners", "project_id", "unknown_value", 100, {
        project_id: unknownProject,
        organisation_id: someMember,
        role: "partner",
        sector: null,
      }),
    );
  }
  const index = Math.floor(meetings.length * 0.4);
  const meeting = meetings[index];
  if (meeting) {
    // Right after the meeting's own registrations, as if one more person was added by hand.
    const after = meetings.slice(0, index + 1).reduce((sum, m) => sum + m.registrations, 0);
    flaws.push(
      flaw("attendance", "attended", "invalid_boolean", after, {
        event_id: meeting.id,
        event_name: meeting.name,
        event_date: isoOf(meeting.day),
        event_type: meeting.type,
        network: meeting.network,
        organisation_id: someMember,
        person_role: "professional",
        attended: raw("misschien"),
      }),
    );
  }
  return flaws;
}
