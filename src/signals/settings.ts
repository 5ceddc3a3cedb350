/** Severity of a signal, as in spec/outputs.md. */
export type Severity = "hoog" | "middel" | "laag";

/** Thresholds and severities of the signals. */
export interface SignalSettings {
  readonly sustainmentMonths: number;
  readonly sustainmentSeverity: Severity;
  readonly dormantSeverity: Severity;
  readonly overdueHighMonths: number;
  readonly overdueSeverity: Severity;
  readonly attendanceDrop: number;
  readonly attendanceDropLookback: number;
  readonly attendanceDropSeverity: Severity;
  readonly retentionMinimum: number;
  readonly retentionSeverity: Severity;
}

/** Thresholds and severities of the signals: the one place to tune them. */
export const signalSettings: SignalSettings = {
  /** verduurzaming_risico: an active project ending within this many months… */
  sustainmentMonths: 6,
  sustainmentSeverity: "hoog",
  /** slapend_lid: a member with no active project and no attended meeting in 12 months. */
  dormantSeverity: "laag",
  /** mijlpaal_achterstallig: overdue; `hoog` once overdue by this many months or more. */
  overdueHighMonths: 6,
  overdueSeverity: "middel",
  /** opkomst_daling: E2 dropping by more than this (a fraction) against 4 reference dates earlier. */
  attendanceDrop: 0.15,
  attendanceDropLookback: 4,
  attendanceDropSeverity: "middel",
  /** behoud_laag: M4 below this. */
  retentionMinimum: 0.8,
  retentionSeverity: "middel",
};
