import { isoOf } from "./dates.ts";
import type { ExportRow } from "./dialect.ts";
import type { EventType, Meeting } from "./events.ts";
import type { External, PersonRole, Sector } from "./model.ts";
import { createRandom, weightedPicker, type Random } from "./random.ts";
import type { Roster } from "./roster.ts";

const ROLES: Readonly<Record<EventType, (random: Random) => PersonRole>> = {
  kopgroep: weightedPicker<PersonRole>({
    bestuurder: 40,
    management: 45,
    professional: 12,
    overig: 3,
  }),
  "bestuurlijk overleg": weightedPicker<PersonRole>({ bestuurder: 80, management: 18, overig: 2 }),
  werkgroep: weightedPicker<PersonRole>({
    management: 25,
    professional: 62,
    student: 4,
    overig: 9,
  }),
  inspiratiesessie: weightedPicker<PersonRole>({
    bestuurder: 10,
    management: 25,
    professional: 40,
    student: 8,
    burger: 5,
    overig: 7,
  }),
  netwerkdag: weightedPicker<PersonRole>({
    bestuurder: 15,
    management: 30,
    professional: 35,
    student: 5,
    burger: 4,
    overig: 7,
  }),
  masterclass: weightedPicker<PersonRole>({
    management: 30,
    professional: 55,
    student: 10,
    overig: 5,
  }),
  "online sessie": weightedPicker<PersonRole>({
    management: 25,
    professional: 50,
    student: 10,
    burger: 8,
    overig: 7,
  }),
};
const withoutOrganisation = weightedPicker<PersonRole>({ burger: 50, student: 20, overig: 30 });

const SHOW_UP: Readonly<Record<EventType, number>> = {
  kopgroep: 0.93,
  "bestuurlijk overleg": 0.92,
  werkgroep: 0.88,
  inspiratiesessie: 0.8,
  netwerkdag: 0.78,
  masterclass: 0.85,
  "online sessie": 0.75,
};
const OPEN_TYPES = new Set<EventType>(["inspiratiesessie", "netwerkdag", "online sessie"]);

function role(random: Random, type: EventType, sector: Sector | null): PersonRole {
  if (sector === "burgers" && random.chance(0.7)) return "burger";
  if (sector === "onderwijs" && random.chance(0.3)) return "student";
  return ROLES[type](random);
}

/** Who registers: a member of the meeting's network, a party from elsewhere, or a person alone. */
function attendee(
  random: Random,
  meeting: Meeting,
  roster: Roster,
  networks: readonly string[],
  externals: readonly External[],
): { id: string | null; sector: Sector | null } {
  const x = random.next();
  if (x < (OPEN_TYPES.has(meeting.type) || meeting.network === null ? 0.06 : 0.01))
    return { id: null, sector: null };
  const outsider = x > 0.94;
  if (outsider && (meeting.network === null || random.chance(0.5)) && externals.length > 0) {
    const external = random.pick(externals);
    return { id: external.id, sector: external.sector };
  }
  const network =
    meeting.network === null || outsider
      ? random.pick(networks.filter((n) => n !== meeting.network))
      : meeting.network;
  const spell = roster.pickActive(random, network, meeting.day);
  if (spell) return { id: spell.organisation.id, sector: spell.organisation.sector };
  const external = externals.length > 0 ? random.pick(externals) : null;
  return { id: external?.id ?? null, sector: external?.sector ?? null };
}

/**
 * The rows of attendance.csv, drawn lazily meeting by meeting so that millions of rows never sit
 * in memory. Each iteration starts its own random stream, so iterating twice gives the same rows.
 */
export function attendanceRows(
  seed: number,
  meetings: readonly Meeting[],
  roster: Roster,
  networks: readonly string[],
  externals: readonly External[],
): Iterable<ExportRow> {
  return {
    *[Symbol.iterator]() {
      const random = createRandom(seed, "attendance");
      for (const meeting of meetings) {
        const date = isoOf(meeting.day);
        for (let i = 0; i < meeting.registrations; i++) {
          const who = attendee(random, meeting, roster, networks, externals);
          const level =
            who.id === null ? withoutOrganisation(random) : role(random, meeting.type, who.sector);
          yield {
            event_id: meeting.id,
            event_name: meeting.name,
            event_date: date,
            event_type: meeting.type,
            network: meeting.network,
            organisation_id: who.id,
            person_role: random.chance(0.02) ? null : level,
            attended: random.chance(SHOW_UP[meeting.type]),
          };
        }
      }
    },
  };
}
