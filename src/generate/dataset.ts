import type { FileKey } from "../contract/index.ts";
import { attendanceRows } from "./attendance.ts";
import { dayOf } from "./dates.ts";
import type { ExportRow } from "./dialect.ts";
import { planMeetings } from "./events.ts";
import { regioFlaws, type Flaw } from "./flaws.ts";
import { fundingRow, generateFunding } from "./funding.ts";
import { generateMilestones, milestoneRow } from "./milestones.ts";
import type { Sector } from "./model.ts";
import { networkPlans } from "./networks.ts";
import { PERSON_COLUMNS, withPersons } from "./persons.ts";
import { generateExternals, generateMembership, memberRow } from "./organisations.ts";
import { generateProjects, partnerRows, projectRow } from "./projects.ts";
import { createRandom } from "./random.ts";
import type { Reference } from "./reference.ts";
import { Roster } from "./roster.ts";
import { scaleSettings, type Scale } from "./scale.ts";
import { generateSurvey } from "./survey.ts";
import { surveyFlaws } from "./survey-flaws.ts";
import type { SurveyKey } from "./survey-spec.ts";
import type { ExportRows } from "./writeExport.ts";

export interface DatasetOptions {
  readonly scale: Scale;
  readonly seed: number;
  /** ISO date: the last day on which anything has happened; only planned things lie after it. */
  readonly today: string;
}

/** The whole synthetic set: per export its rows (lazy where large) and its flawed extra rows. */
export interface Dataset {
  readonly exports: Readonly<Record<FileKey | SurveyKey, ExportRows>>;
  readonly flaws: readonly Flaw[];
}

function lazyMap<T>(
  items: readonly T[],
  toRows: (item: T) => ExportRow | ExportRow[],
): Iterable<ExportRow> {
  return {
    *[Symbol.iterator]() {
      for (const item of items) {
        const rows = toRows(item);
        if (Array.isArray(rows)) yield* rows;
        else yield rows;
      }
    },
  };
}

/**
 * Invent the networks, organisations, projects, funding, meetings and milestones of one scale.
 * Pure: the same options and reference give the same dataset; nothing reads the clock.
 */
export function buildDataset(options: DatasetOptions, reference: Reference): Dataset {
  const settings = scaleSettings(options.scale);
  if (!Number.isSafeInteger(options.seed))
    throw new Error(`generate: seed must be an integer: ${options.seed}`);
  const today = dayOf(options.today);
  if (today < dayOf("2021-01-01"))
    throw new Error(`generate: today must be 2021-01-01 or later: ${options.today}`);
  const seed = options.seed;
  const plans = networkPlans(reference, settings, createRandom(seed, "networks"));
  const membership = generateMembership(createRandom(seed, "members"), plans, today);
  const roster = new Roster(membership.spells);
  const projectTotal = plans.reduce((sum, p) => sum + p.projects, 0);
  const externals = generateExternals(
    createRandom(seed, "externals"),
    Math.round(projectTotal * settings.externalsPerProject),
  );
  const projects = generateProjects(
    createRandom(seed, "projects"),
    plans,
    roster,
    externals,
    settings,
    today,
  );
  const sectorOf = new Map<string, Sector>([
    ...membership.organisations.map((o): [string, Sector] => [o.id, o.sector]),
    ...externals.map((e): [string, Sector] => [e.id, e.sector]),
  ]);
  const funding = generateFunding(createRandom(seed, "funding"), projects, plans, sectorOf, today);
  const meetings = planMeetings(createRandom(seed, "meetings"), plans, roster, settings, today);
  const milestones = generateMilestones(
    createRandom(seed, "milestones"),
    plans,
    projects,
    settings,
    today,
  );
  const survey = generateSurvey(createRandom(seed, "survey"), plans, roster, externals, today);
  const flaws = settings.flaws
    ? [
        ...regioFlaws({ organisations: membership.organisations, projects, funding, meetings }),
        ...surveyFlaws(survey),
      ]
    : [];
  const inserts = (key: FileKey | SurveyKey) =>
    flaws.filter((f) => f.file === key).map((f) => f.insert);
  const networks = plans.map((p) => p.name);
  return {
    flaws,
    exports: {
      members: { rows: lazyMap(membership.spells, memberRow), inserts: inserts("members") },
      projects: { rows: lazyMap(projects, projectRow), inserts: inserts("projects") },
      project_partners: {
        rows: lazyMap(projects, partnerRows),
        inserts: inserts("project_partners"),
      },
      funding: { rows: lazyMap(funding, fundingRow), inserts: inserts("funding") },
      attendance: settings.personColumns
        ? {
            rows: withPersons(attendanceRows(seed, meetings, roster, networks, externals), seed),
            inserts: inserts("attendance"),
            extraColumns: PERSON_COLUMNS,
          }
        : {
            rows: attendanceRows(seed, meetings, roster, networks, externals),
            inserts: inserts("attendance"),
          },
      milestones: { rows: lazyMap(milestones, milestoneRow), inserts: inserts("milestones") },
      survey_responses: {
        rows: survey.responses.map((r) => r.row),
        inserts: inserts("survey_responses"),
      },
      survey_relations: { rows: survey.relations, inserts: inserts("survey_relations") },
    },
  };
}
