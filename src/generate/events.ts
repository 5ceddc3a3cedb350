import { addMonths, dayOfYmd, monthOf, workdayFrom, yearOf, type Day } from "./dates.ts";
import { idOf } from "./model.ts";
import type { NetworkPlan } from "./networks.ts";
import { weightedPicker, type Random } from "./random.ts";
import type { Roster } from "./roster.ts";
import type { ScaleSettings } from "./scale.ts";
import { eventName } from "./titles.ts";

export type EventType =
  | "kopgroep"
  | "bestuurlijk overleg"
  | "werkgroep"
  | "inspiratiesessie"
  | "netwerkdag"
  | "masterclass"
  | "online sessie";

/** One meeting; its registrations are drawn when the attendance file is written. */
export interface Meeting {
  id: string;
  readonly name: string;
  readonly day: Day;
  readonly type: EventType;
  /** null: a meeting of no single network. */
  readonly network: string | null;
  readonly registrations: number;
}

/** Registrations per meeting type: [min, max]. */
const SIZES: Readonly<Record<EventType, readonly [number, number]>> = {
  kopgroep: [6, 14],
  "bestuurlijk overleg": [4, 10],
  werkgroep: [5, 13],
  inspiratiesessie: [15, 50],
  netwerkdag: [30, 80],
  masterclass: [10, 30],
  "online sessie": [15, 55],
};

const usual = weightedPicker<EventType>({
  werkgroep: 35,
  kopgroep: 15,
  inspiratiesessie: 20,
  netwerkdag: 5,
  masterclass: 10,
  "bestuurlijk overleg": 8,
  "online sessie": 7,
});
const lockdown = weightedPicker<EventType>({ "online sessie": 70, werkgroep: 20, kopgroep: 10 });

/** Fewer meetings in the summer holidays and in the first months of the pandemic. */
function seasonFactor(monthStart: Day): number {
  const month = monthOf(monthStart);
  if (yearOf(monthStart) === 2020 && month >= 3 && month <= 6) return 0.5;
  return month === 7 ? 0.4 : month === 8 ? 0.2 : month === 12 ? 0.7 : 1;
}

function isLockdown(day: Day): boolean {
  return yearOf(day) === 2020 && monthOf(day) >= 3 && monthOf(day) <= 6;
}

function size(random: Random, type: EventType, factor: number, cap: number): number {
  const [min, max] = SIZES[type];
  return Math.max(2, Math.min(cap, Math.round(random.int(min, max) * factor)));
}

/** Every meeting from the start of each network to today, sorted by date; ids follow the date. */
export function planMeetings(
  random: Random,
  plans: readonly NetworkPlan[],
  roster: Roster,
  settings: ScaleSettings,
  today: Day,
): Meeting[] {
  const meetings: Meeting[] = [];
  for (const plan of plans) {
    for (
      let month = dayOfYmd(yearOf(plan.start), monthOf(plan.start), 1);
      month <= today;
      month = addMonths(month, 1)
    ) {
      const active = roster.activeCount(plan.name, month);
      const expected = ((active * settings.eventsPerMemberYear) / 12) * seasonFactor(month);
      const count = Math.floor(expected) + (random.chance(expected % 1) ? 1 : 0);
      const length = addMonths(month, 1) - month;
      for (let i = 0; i < count; i++) {
        const day = workdayFrom(month + random.int(0, length - 1));
        if (day > today) continue;
        const type = isLockdown(day) ? lockdown(random) : usual(random);
        const theme = random.pick(plan.themes);
        meetings.push({
          id: "",
          name: eventName(random, type, plan.name, theme, yearOf(day)),
          day,
          type,
          network: plan.name,
          registrations: size(random, type, settings.registrationFactor, active * 2 + 2),
        });
      }
    }
  }
  const first = Math.min(...plans.map((p) => p.start));
  for (let year = yearOf(first); year <= yearOf(today); year++) {
    for (let i = 0; i < settings.crossNetworkEventsPerYear; i++) {
      const day = workdayFrom(Math.max(first, dayOfYmd(year, 1, 15)) + random.int(0, 330));
      if (day > today) continue;
      const type: EventType = random.chance(0.5) ? "netwerkdag" : "inspiratiesessie";
      meetings.push({
        id: "",
        name: eventName(random, type, null, "", year),
        day,
        type,
        network: null,
        registrations: size(random, type, settings.registrationFactor, 1000),
      });
    }
  }
  meetings.sort((a, b) => a.day - b.day);
  meetings.forEach((m, i) => (m.id = idOf("EVT", i + 1, 6)));
  return meetings;
}
