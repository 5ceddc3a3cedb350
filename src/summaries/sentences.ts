// The wording of "Wat is er veranderd": one Dutch sentence per fact of summary_facts
// (./facts.ts, where the facts are chosen and ordered). Pure functions, no database.
import type { SignalSettings } from "../signals/settings.ts";
import { capitalise, countNl, monthsNl, nlDate, nlEuro, nlNumber, nlPercent } from "./nl.ts";

/** One row of summary_facts. */
export interface SummaryFact {
  readonly scope_type: string;
  readonly scope: string;
  readonly position: number;
  /** signaal (severity hoog), verandering (news) or stand (a value without news). */
  readonly kind: "signaal" | "verandering" | "stand";
  /** The signal kind or the indicator id. */
  readonly item: string;
  readonly unit: string | null;
  readonly subject_nl: string | null;
  /** ISO dates: the earlier reference date compared with, and the peildatum. */
  readonly before_on: string | null;
  readonly now_on: string | null;
  readonly before: number | null;
  readonly now: number | null;
  /** The number of signals (signaal). */
  readonly n: number | null;
  /** The signal's own sentence, used when there is one signal of the kind. */
  readonly message: string | null;
}

/** A value in its catalog unit, as a sentence writes it. */
export function valueNl(value: number, unit: string | null): string {
  switch (unit) {
    case "aandeel":
      return nlPercent(value);
    case "euro":
      return nlEuro(value);
    case "index":
      return nlNumber(value, 2);
    case "gemiddelde":
      return nlNumber(value, 1);
    case "ja/nee":
      return value ? "ja" : "nee";
    default:
      return nlNumber(Math.round(value));
  }
}

/** What several signals of severity hoog of one kind say together. */
const SIGNAL_LABELS: Readonly<Record<string, string>> = {
  verduurzaming_risico: "projecten die aflopen zonder financiering voor daarna",
  slapend_lid: "leden zonder lopend project en zonder bezochte bijeenkomst",
  mijlpaal_achterstallig: "achterstallige mijlpalen",
  opkomst_daling: "een dalende opkomst",
  behoud_laag: "een laag behoud van leden",
};

/** The sentence of n > 1 signals of one kind. */
function signalsSentence(signal: string, n: number, s: SignalSettings): string {
  switch (signal) {
    case "verduurzaming_risico":
      return `${capitalise(countNl(n, "project", "projecten"))} lopen binnen ${monthsNl(s.sustainmentMonths)} af zonder toegekende financiering voor daarna.`;
    case "mijlpaal_achterstallig":
      return s.overdueSeverity === "hoog"
        ? `${capitalise(countNl(n, "mijlpaal", "mijlpalen"))} zijn over hun deadline en nog niet gereed.`
        : `${capitalise(countNl(n, "mijlpaal", "mijlpalen"))} zijn ${monthsNl(s.overdueHighMonths)} of langer over hun deadline en nog niet gereed.`;
    case "slapend_lid":
      return `${capitalise(countNl(n, "lid heeft", "leden hebben"))} geen lopend project en waren in twaalf maanden op geen enkele bijeenkomst.`;
    default:
      return `${capitalise(countNl(n, "signaal", "signalen"))} met ernst hoog over ${SIGNAL_LABELS[signal] ?? signal}.`;
  }
}

/**
 * "steeg sinds 30-09-2025 van 43 naar 47" / "daalde sinds 30-06-2026 met 9 procentpunt, van
 * 85 % naar 76 %" (the points are those of the rounded percentages, so the sentence adds up).
 */
function changeNl(before: number, now: number, unit: string | null, since: string): string {
  const verb = `${now > before ? "steeg" : "daalde"} sinds ${nlDate(since)}`;
  if (unit === "aandeel") {
    const points = Math.abs(Math.round(now * 100) - Math.round(before * 100));
    return `${verb} met ${nlNumber(points)} procentpunt, van ${nlPercent(before)} naar ${nlPercent(now)}`;
  }
  return `${verb} van ${valueNl(before, unit)} naar ${valueNl(now, unit)}`;
}

/** The Dutch sentence of one fact; `signals`: the thresholds the refresh used. */
export function sentenceOf(fact: SummaryFact, signals: SignalSettings): string {
  const subject = capitalise(fact.subject_nl ?? fact.item);
  switch (fact.kind) {
    case "signaal": {
      const n = fact.n ?? 0;
      return n === 1 && fact.message ? fact.message : signalsSentence(fact.item, n, signals);
    }
    case "verandering": {
      const { before, now, before_on } = fact;
      if (before == null || now == null || before_on == null)
        throw new Error(`samenvatting: ${fact.item} heeft geen twee waarden`);
      if (fact.unit === "ja/nee")
        return `${subject} is sinds ${nlDate(before_on)} ${now ? "compleet" : "niet meer compleet"}.`;
      return `${subject} ${changeNl(before, now, fact.unit, before_on)}.`;
    }
    case "stand": {
      const { before, now, before_on, now_on } = fact;
      if (now == null || now_on == null) throw new Error(`samenvatting: ${fact.item} is leeg`);
      if (fact.unit === "ja/nee")
        return `${subject} is op ${nlDate(now_on)} ${now ? "compleet" : "niet compleet"}.`;
      const at = `${valueNl(now, fact.unit)} op ${nlDate(now_on)}`;
      if (before == null || before_on == null) return `${subject} is ${at}.`;
      return before === now
        ? `${subject} bleef gelijk: ${at}, net als op ${nlDate(before_on)}.`
        : `${subject} bleef vrijwel gelijk: ${at}, tegen ${valueNl(before, fact.unit)} op ${nlDate(before_on)}.`;
    }
  }
}
