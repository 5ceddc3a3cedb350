import type { UnusableProblem } from "../errors.ts";
import type { Severity, SignalSettings } from "../signals/settings.ts";
import { signalSettings } from "../signals/settings.ts";

/** What a user can set in instellingen.json (spec/indicators.md calls these settings). */
export interface Settings {
  /** The calendar-quarter ends before the peildatum that are reference dates too (default 11). */
  readonly quarters: number;
  readonly signals: SignalSettings;
}

export const DEFAULT_QUARTERS = 11;

export const defaultSettings: Settings = { quarters: DEFAULT_QUARTERS, signals: signalSettings };

/** The file a folder of exports may hold. */
export const SETTINGS_FILE = "instellingen.json";

const SEVERITIES: readonly Severity[] = ["hoog", "middel", "laag"];

type Check = (value: unknown) => string | undefined;

const integer =
  (min: number, max: number): Check =>
  (v) =>
    typeof v === "number" && Number.isInteger(v) && v >= min && v <= max
      ? undefined
      : `verwacht een geheel getal van ${min} tot en met ${max}`;
const fraction: Check = (v) =>
  typeof v === "number" && v >= 0 && v <= 1
    ? undefined
    : "verwacht een getal van 0 tot en met 1 (een aandeel, bijv. 0.15 voor 15 %)";
const severity: Check = (v) =>
  typeof v === "string" && (SEVERITIES as readonly string[]).includes(v)
    ? undefined
    : `verwacht een van ${SEVERITIES.join(", ")}`;

/** Each signal's settable keys: its JSON key → the SignalSettings field and its check. */
const SIGNAL_KEYS: Readonly<
  Record<string, Readonly<Record<string, readonly [keyof SignalSettings, Check]>>>
> = {
  verduurzaming_risico: {
    months: ["sustainmentMonths", integer(1, 60)],
    severity: ["sustainmentSeverity", severity],
  },
  slapend_lid: { severity: ["dormantSeverity", severity] },
  mijlpaal_achterstallig: {
    high_after_months: ["overdueHighMonths", integer(1, 60)],
    severity: ["overdueSeverity", severity],
  },
  opkomst_daling: {
    drop: ["attendanceDrop", fraction],
    lookback: ["attendanceDropLookback", integer(1, 40)],
    severity: ["attendanceDropSeverity", severity],
  },
  behoud_laag: {
    minimum: ["retentionMinimum", fraction],
    severity: ["retentionSeverity", severity],
  },
};

/** The keys of instellingen.json as a user writes them, with the defaults: for docs and pages. */
export function settingsJson(settings: Settings): Record<string, unknown> {
  const signals: Record<string, Record<string, unknown>> = {};
  for (const [signal, keys] of Object.entries(SIGNAL_KEYS)) {
    signals[signal] = Object.fromEntries(
      Object.entries(keys).map(([key, [field]]) => [key, settings.signals[field]]),
    );
  }
  return { quarters: settings.quarters, signals };
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

const shown = (v: unknown) => (typeof v === "string" ? `"${v}"` : JSON.stringify(v));

/**
 * Validates instellingen.json's text: the settings, or every problem with its path
 * (`instellingen.json → signals → opkomst_daling → drop: …`). Missing keys keep their default.
 */
export function parseSettings(
  text: string,
  name = SETTINGS_FILE,
): { settings: Settings; problems: readonly UnusableProblem[] } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return {
      settings: defaultSettings,
      problems: [{ file: name, message_nl: "geen geldige JSON" }],
    };
  }
  if (!isObject(json)) {
    return {
      settings: defaultSettings,
      problems: [{ file: name, message_nl: "verwacht een object { … }" }],
    };
  }
  const problems: UnusableProblem[] = [];
  const fail = (file: string, message_nl: string) => problems.push({ file, message_nl });
  let quarters = DEFAULT_QUARTERS;
  const signals: Record<string, unknown> = { ...signalSettings };
  for (const [key, value] of Object.entries(json)) {
    if (key === "quarters") {
      const problem = integer(1, 40)(value);
      if (problem) fail(`${name} → quarters`, `${problem}, niet ${shown(value)}`);
      else quarters = value as number;
    } else if (key === "signals") {
      if (!isObject(value)) {
        fail(`${name} → signals`, `verwacht een object per signaal`);
        continue;
      }
      for (const [signal, given] of Object.entries(value)) {
        const keys = SIGNAL_KEYS[signal];
        const path = `${name} → signals → ${signal}`;
        if (!keys) {
          fail(`${path}`, `onbekend signaal; gebruik ${Object.keys(SIGNAL_KEYS).join(", ")}`);
          continue;
        }
        if (!isObject(given)) {
          fail(`${path}`, `verwacht een object met ${Object.keys(keys).join(", ")}`);
          continue;
        }
        for (const [k, v] of Object.entries(given)) {
          const entry = keys[k];
          if (!entry) {
            fail(`${path} → ${k}`, `onbekende instelling; gebruik ${Object.keys(keys).join(", ")}`);
            continue;
          }
          const problem = entry[1](v);
          if (problem) fail(`${path} → ${k}`, `${problem}, niet ${shown(v)}`);
          else signals[entry[0]] = v;
        }
      }
    } else {
      fail(`${name} → ${key}`, `onbekende instelling; gebruik quarters, signals`);
    }
  }
  const settings = { quarters, signals: signals as unknown as SignalSettings };
  if (settings.signals.attendanceDropLookback > quarters) {
    fail(
      `${name} → signals → opkomst_daling → lookback`,
      `${settings.signals.attendanceDropLookback} peildata terug kan niet met quarters ${quarters}`,
    );
  }
  return { settings, problems };
}
