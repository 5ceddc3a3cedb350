import { dayOfYmd, isoOf, workdayFrom, yearOf, type Day } from "./dates.ts";
import type { ExportRow } from "./dialect.ts";
import { idOf, type External, type Spell } from "./model.ts";
import { CIC_WEST_BRABANT, ZORGPACT, type NetworkPlan } from "./networks.ts";
import type { Random } from "./random.ts";
import type { Roster } from "./roster.ts";
import {
  driftTaste,
  factorTaste,
  listText,
  normal,
  pickFactors,
  score,
  type FactorTaste,
  type ListStyle,
} from "./survey-answers.ts";
import { BARRIERS, SUCCESS_FACTORS } from "./survey-spec.ts";

/** One organisation's answers in one round of one network: a row of survey_responses.csv. */
export interface SurveyResponse {
  readonly id: string;
  readonly network: string;
  readonly round: Day;
  readonly organisationId: string;
  readonly row: ExportRow;
  /** The members active in the network at the round (the invited organisations). */
  readonly invited: readonly string[];
}

export interface Survey {
  readonly responses: readonly SurveyResponse[];
  readonly relations: readonly ExportRow[];
}

/** Rounds a network holds at most: one a year, the latest in today's year. */
const MAX_ROUNDS = 5;
/** Respondents of the deliberately small rounds (below the small-number rule of 5). */
const SMALL_ROUND = { [ZORGPACT]: "latest", [CIC_WEST_BRABANT]: "first" } as const;
const SMALL_RESPONDENTS = 4;

/** The four 1–5 conditions and how a network scores on each. */
interface Levels {
  trust: number;
  value: number;
  conditions: [number, number, number, number];
}

function activeOrganisations(spells: readonly Spell[], day: Day): string[] {
  const ids = new Set<string>();
  for (const s of spells)
    if (s.joined <= day && (s.left === null || s.left > day)) ids.add(s.organisation.id);
  return [...ids];
}

/** A member that left in the year before the round: still on the tool's mailing list. */
function formerMember(random: Random, spells: readonly Spell[], day: Day): string | null {
  const recent = spells.filter((s) => s.left !== null && s.left <= day && s.left > day - 365);
  return recent.length > 0 ? random.pick(recent).organisation.id : null;
}

/** The round days of a network: yearly on a network-specific day, never after today. */
function roundDays(random: Random, plan: NetworkPlan, today: Day): Day[] {
  const month = random.int(2, 11);
  const last = yearOf(today);
  const first = Math.max(yearOf(plan.start) + 1, last - MAX_ROUNDS + 1);
  const days: Day[] = [];
  for (let year = first; year <= last; year++) {
    const day = workdayFrom(dayOfYmd(year, month, random.int(1, 26)));
    if (day <= today) days.push(day);
  }
  return days;
}

/**
 * The partners one respondent rates: about ten other members, returning most of the ratings it
 * received from earlier respondents of the round (mutual pairs), now and then an external party.
 */
function partnersOf(
  random: Random,
  self: string,
  members: readonly string[],
  namedBy: ReadonlySet<string>,
  externals: readonly External[],
): string[] {
  const target = Math.max(3, Math.min(members.length - 1, Math.round(10 + normal(random, 3))));
  const chosen = new Set<string>();
  for (const other of namedBy) if (chosen.size < target && random.chance(0.6)) chosen.add(other);
  for (let attempt = 0; attempt < target * 4 && chosen.size < target; attempt++) {
    const other = random.pick(members);
    if (other !== self) chosen.add(other);
  }
  if (externals.length > 0 && random.chance(0.08)) chosen.add(random.pick(externals).id);
  return [...chosen];
}

function clampRate(rate: number): number {
  return Math.min(0.9, Math.max(0.3, rate));
}

/**
 * Invent the partner survey of every network: yearly rounds, each member active at the round
 * invited, 30–90 % response varying by network and round, ratings of about ten partners per
 * respondent. Draws only from its own random source, so the other exports do not shift.
 */
export function generateSurvey(
  random: Random,
  plans: readonly NetworkPlan[],
  roster: Roster,
  externals: readonly External[],
  today: Day,
): Survey {
  const responses: SurveyResponse[] = [];
  const relations: ExportRow[] = [];
  for (const plan of plans) {
    const spells = roster.spellsOf(plan.name);
    const days = roundDays(random, plan, today);
    const baseRate = 0.4 + random.next() * 0.4;
    const levels: Levels = {
      trust: 2.4 + random.next() * 0.9,
      value: 2.2 + random.next() * 1.0,
      conditions: [0, 1, 2, 3].map(() => 2.7 + random.next() * 1.3) as Levels["conditions"],
    };
    let barriers: FactorTaste = factorTaste(random, BARRIERS);
    let successes: FactorTaste = factorTaste(random, SUCCESS_FACTORS);
    days.forEach((day, index) => {
      const invited = activeOrganisations(spells, day);
      if (invited.length === 0) return;
      const small = SMALL_ROUND[plan.name as keyof typeof SMALL_ROUND];
      const isSmall =
        (small === "latest" && index === days.length - 1) || (small === "first" && index === 0);
      const count = isSmall
        ? Math.min(SMALL_RESPONDENTS, invited.length)
        : Math.max(1, Math.round(invited.length * clampRate(baseRate + normal(random, 0.1))));
      const respondents = random.sample(invited, count);
      const former = isSmall || !random.chance(0.3) ? null : formerMember(random, spells, day);
      if (former && !respondents.includes(former)) respondents.push(former);
      const style: ListStyle = { separator: random.chance(0.5) ? ";" : "|" };
      const namedBy = new Map<string, Set<string>>();
      for (const organisationId of respondents) {
        const id = idOf("ANT", responses.length + 1, 6);
        const offset = normal(random, 0.45);
        const [dep, lay, fut, rea] = levels.conditions.map((c) =>
          score(random, c + offset, 0.8, 5, 0.05),
        );
        responses.push({
          id,
          network: plan.name,
          round: day,
          organisationId,
          invited,
          row: {
            response_id: id,
            network: plan.name,
            round_on: isoOf(day),
            organisation_id: organisationId,
            dependence: dep ?? null,
            layers: lay ?? null,
            future: fut ?? null,
            reach: rea ?? null,
            barriers: listText(random, BARRIERS, pickFactors(random, barriers), style),
            success_factors: listText(
              random,
              SUCCESS_FACTORS,
              pickFactors(random, successes),
              style,
            ),
          },
        });
        const partners = partnersOf(
          random,
          organisationId,
          invited,
          namedBy.get(organisationId) ?? new Set(),
          externals,
        );
        for (const partner of partners) {
          const named = namedBy.get(partner) ?? new Set<string>();
          named.add(organisationId);
          namedBy.set(partner, named);
          relations.push({
            response_id: id,
            partner_organisation_id: partner,
            trust: score(random, levels.trust + offset, 0.6, 4, 0.04),
            value: score(random, levels.value + offset, 0.7, 4, 0.06),
          });
        }
      }
      levels.trust += normal(random, 0.12);
      levels.value += normal(random, 0.12);
      barriers = driftTaste(random, barriers);
      successes = driftTaste(random, successes);
    });
  }
  return { responses, relations };
}
