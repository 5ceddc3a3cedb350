import type { Day } from "./dates.ts";

/** The vocabulary values of src/contract/vocabularies.ts, as types (a test keeps them in step). */
export type Sector =
  | "zorg"
  | "welzijn"
  | "onderwijs"
  | "kennisinstelling"
  | "overheid"
  | "bedrijfsleven"
  | "zorgverzekeraar"
  | "burgers";
export type Stage = "idee" | "pilot" | "opschaling" | "structureel" | "gestopt";
export type SourceType =
  | "rif"
  | "gemeente"
  | "provincie"
  | "rijk"
  | "zorgverzekeraar"
  | "eu"
  | "fonds"
  | "eigen_bijdrage"
  | "commercieel";
export type FundingKind = "incidenteel" | "structureel";
export type FundingStatus = "aangevraagd" | "toegekend" | "afgewezen";
export type PersonRole =
  "bestuurder" | "management" | "professional" | "student" | "burger" | "overig";

export const SECTORS: readonly Sector[] = [
  "zorg",
  "welzijn",
  "onderwijs",
  "kennisinstelling",
  "overheid",
  "bedrijfsleven",
  "zorgverzekeraar",
  "burgers",
];
export const STAGES: readonly Stage[] = ["idee", "pilot", "opschaling", "structureel", "gestopt"];

/** How a row writes its gemeentecode: `GM0772`, `772` or `0772`, as real exports do. */
export type CodeForm = "gm" | "bare" | "padded";

/** An organisation in members.csv. */
export interface Organisation {
  /** Assigned once all organisations exist, in order of first joining. */
  id: string;
  readonly name: string;
  readonly sector: Sector;
  readonly subsector: string | null;
  /** CBS code `GM0772`, or null when the CRM has none. */
  readonly municipality: string | null;
}

/** One membership spell: one row of members.csv. */
export interface Spell {
  readonly organisation: Organisation;
  readonly network: string;
  readonly joined: Day;
  readonly left: Day | null;
  readonly codeForm: CodeForm;
}

/** A party that takes part in projects or meetings but is in no network's members. */
export interface External {
  readonly id: string;
  readonly sector: Sector;
  /** Whether the partner rows carry its sector (most do, a few do not). */
  readonly sectorKnown: boolean;
}

export interface Partner {
  readonly organisationId: string;
  readonly role: string;
  /** Written only for external parties. */
  readonly sector: Sector | null;
}

export interface Project {
  id: string;
  readonly name: string;
  readonly network: string;
  readonly theme: string;
  readonly izaTheme: string | null;
  readonly stage: Stage;
  readonly lead: string | null;
  readonly start: Day;
  readonly end: Day | null;
  /** The rows of project_partners.csv, the lead first when it is listed. */
  readonly partners: readonly Partner[];
}

export interface FundingLine {
  readonly id: string;
  readonly projectId: string;
  readonly source: SourceType;
  readonly funder: string | null;
  readonly year: number;
  readonly amount: number;
  readonly kind: FundingKind;
  readonly status: FundingStatus;
}

export interface Milestone {
  readonly id: string;
  readonly region: string;
  readonly izaTheme: string;
  readonly title: string;
  readonly projectId: string | null;
  readonly due: Day;
  readonly completed: Day | null;
  /** null: the checkbox was left empty (= false). */
  readonly cancelled: boolean | null;
}

/** `GM0772` in the given form. */
export function municipalityText(code: string, form: CodeForm): string {
  const digits = code.slice(2);
  if (form === "bare") return String(Number(digits));
  if (form === "padded") return digits;
  return code;
}

/** `ORG-00042`: a prefix and a zero-padded number. */
export function idOf(prefix: string, n: number, width: number): string {
  return `${prefix}-${String(n).padStart(width, "0")}`;
}
