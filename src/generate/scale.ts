/** The two sizes of the synthetic set (design.md, "Scale"). */
export type Scale = "regio" | "landelijk";

export interface ScaleSettings {
  readonly scale: Scale;
  /** Add one network per zorgkantoorregio beside the three modelled networks. */
  readonly regionalNetworks: boolean;
  /** Organisations and projects of each zorgkantoorregio network. */
  readonly regionalOrganisations: number;
  readonly regionalProjects: number;
  /** Meetings a year per active member of a network. */
  readonly eventsPerMemberYear: number;
  /** Meetings a year that belong to no single network. */
  readonly crossNetworkEventsPerYear: number;
  /** Multiplies the number of registrations per meeting. */
  readonly registrationFactor: number;
  /** External parties (not in any network) per project. */
  readonly externalsPerProject: number;
  /** Milestones per regioplan region: [min, max]. */
  readonly milestonesPerRegion: readonly [number, number];
  /** Gestopt projects written without an end date. */
  readonly stoppedWithoutEnd: number;
  /** Add the deliberately flawed rows (regio only). */
  readonly flaws: boolean;
  /** Give attendance.csv invented names, e-mail addresses and phone numbers (regio only). */
  readonly personColumns: boolean;
}

const regio: ScaleSettings = {
  scale: "regio",
  regionalNetworks: false,
  regionalOrganisations: 0,
  regionalProjects: 0,
  eventsPerMemberYear: 0.4,
  crossNetworkEventsPerYear: 2,
  registrationFactor: 1,
  externalsPerProject: 0.2,
  milestonesPerRegion: [8, 13],
  stoppedWithoutEnd: 2,
  flaws: true,
  personColumns: true,
};

const landelijk: ScaleSettings = {
  scale: "landelijk",
  regionalNetworks: true,
  regionalOrganisations: 640,
  regionalProjects: 1610,
  eventsPerMemberYear: 2.05,
  crossNetworkEventsPerYear: 40,
  registrationFactor: 2,
  externalsPerProject: 0.1,
  milestonesPerRegion: [30, 50],
  stoppedWithoutEnd: 40,
  flaws: false,
  personColumns: false,
};

export function scaleSettings(scale: Scale): ScaleSettings {
  if (scale === "regio") return regio;
  if (scale === "landelijk") return landelijk;
  throw new Error(`generate: unknown scale: ${String(scale)}`);
}
