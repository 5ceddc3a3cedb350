import type { ChangesSummary } from "../refresh/changes.ts";
import { dutchDate } from "./report.ts";

const nl = (n: number) => n.toLocaleString("nl-NL", { maximumFractionDigits: 3 });

/** "1 rij" or "8 rijen". */
const rowsNl = (n: number) => `${nl(n)} ${n === 1 ? "rij" : "rijen"}`;

/** A value of an indicator, or "leeg" (null). */
const valueNl = (v: number | null) => (v === null ? "leeg" : nl(v));

/** The indicators of scope `alle` listed in the summary; the rest is in changes.csv. */
export const LISTED_INDICATORS = 5;

/**
 * "Sinds de vorige verversing" as a few Dutch lines for the refresh's or validate's summary
 * (`written`: the refresh wrote changes.csv).
 */
export function changesLines(changes: ChangesSummary, written = true): string[] {
  if (changes.previousAsOf === null)
    return [
      "Sinds de vorige verversing: geen vorige verversing, er is niets om mee te vergelijken",
    ];
  const head = `Sinds de vorige verversing (peildatum ${dutchDate(changes.previousAsOf)})`;
  const files = changes.files.flatMap((f) => {
    const parts = [
      f.added ? `${rowsNl(f.added)} toegevoegd` : "",
      f.removed ? `${rowsNl(f.removed)} verwijderd` : "",
      f.changed ? `${rowsNl(f.changed)} gewijzigd` : "",
    ].filter(Boolean);
    return parts.length ? [`  ${f.file}: ${parts.join(", ")}`] : [];
  });
  const moved = changes.indicatorsMoved;
  const { signalsNew, signalsResolved } = changes;
  if (!files.length && !moved && !signalsNew && !signalsResolved)
    return [`${head}: geen wijzigingen in exports, indicatoren of signalen`];
  const listed = changes.indicators.slice(0, LISTED_INDICATORS);
  return [
    `${head}:`,
    ...(files.length ? files : ["  exports: geen rijen toegevoegd, verwijderd of gewijzigd"]),
    moved
      ? `  indicatoren op de peildatum: ${nl(moved)} verschoven, waarvan ${nl(changes.indicators.length)} voor alle netwerken samen${listed.length ? ", o.a.:" : ""}`
      : "  indicatoren op de peildatum: geen verschoven",
    ...listed.map((i) => `    ${i.indicator}: ${valueNl(i.old_value)} → ${valueNl(i.new_value)}`),
    `  signalen: ${nl(signalsNew)} nieuw, ${nl(signalsResolved)} opgelost${written ? " (zie changes.csv)" : ""}`,
  ];
}

/** The same for `--json`. */
export function changesJson(changes: ChangesSummary) {
  return {
    previous: changes.previousAsOf !== null,
    previous_as_of: changes.previousAsOf,
    files: changes.files,
    indicators_moved: changes.indicatorsMoved,
    indicators_alle: changes.indicators,
    signals_new: changes.signalsNew,
    signals_resolved: changes.signalsResolved,
  };
}
