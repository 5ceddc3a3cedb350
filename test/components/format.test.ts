// docs/components/format.js writes numbers as toLocaleString("nl-NL") does, without Intl (whose
// first use in a page loads ICU's data before the first chart): the same text for every value.
import { describe, expect, it } from "vitest";
// @ts-expect-error: a page component, plain JavaScript without types
import * as format from "../../docs/components/format.js";

const { dutchNumber, formatChange, formatEuro, formatInteger, formatNumber } = format;
const { formatPercent, formatValue } = format;

const intl = (value: number, min: number, max: number) =>
  value.toLocaleString("nl-NL", { minimumFractionDigits: min, maximumFractionDigits: max });
const DIGITS = [
  [0, 0],
  [0, 1],
  [1, 1],
  [2, 2],
  [0, 3],
] as const;

describe("dutchNumber", () => {
  it("writes what Intl writes: grouping, decimal comma, minus, rounding half away from zero", () => {
    expect(dutchNumber(1234567.89, 0, 1)).toBe("1.234.567,9");
    expect(dutchNumber(1.15, 0, 1)).toBe("1,2"); // toFixed(1) gives 1.1
    expect(dutchNumber(-2.5, 0, 0)).toBe("-3");
    expect(dutchNumber(-0.04, 0, 1)).toBe("-0");
    expect(dutchNumber(999.96, 1, 1)).toBe("1.000,0");
    expect(dutchNumber(1e21, 0, 0)).toBe("1.000.000.000.000.000.000.000");
    expect(dutchNumber(5e-7, 0, 3)).toBe("0");
    const edges = [0, -0, 0.5, 1.005, 2.675, 9.995, 99.5, 0.1 + 0.2, 4.35, 1.45, 1e-7, 1.5e21];
    for (const value of [...edges, Infinity, -Infinity])
      for (const [min, max] of DIGITS)
        expect(dutchNumber(value, min, max), `${value} ${min}-${max}`).toBe(intl(value, min, max));
  });

  it("agrees with Intl on 100.000 values of every size, sign and decimal length", () => {
    // A fixed pseudo-random sequence, so that a failure can be repeated.
    let seed = 13;
    const random = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
    const mismatches: string[] = [];
    for (let i = 0; i < 20_000; i++) {
      let value = (random() - 0.3) * 10 ** Math.floor(random() * 14 - 6);
      if (i % 3 === 0) value = Math.round(value * 1000) / 1000;
      if (i % 5 === 0) value = Math.round(value * 200) / 200 + (i % 2 ? 0.005 : 0.05);
      for (const [min, max] of DIGITS) {
        const [got, want] = [dutchNumber(value, min, max), intl(value, min, max)];
        if (got !== want) mismatches.push(`${value} ${min}-${max}: ${got} (Intl ${want})`);
      }
    }
    expect(mismatches).toEqual([]);
  });
});

describe("the formatters over dutchNumber", () => {
  it("format counts, shares, amounts and changes as before", () => {
    expect(formatNumber(1234.56)).toBe("1.234,6");
    expect(formatNumber(2, 2)).toBe("2,00");
    expect(formatInteger(1234.5)).toBe("1.235");
    expect(formatPercent(0.256, 1)).toBe("25,6 %");
    expect(formatEuro(1234567)).toBe("€ 1.234.567");
    expect(formatEuro(1234567, { compact: true })).toBe("€ 1,2 mln");
    expect(formatValue(0.35, "aandeel")).toBe("35 %");
    expect(formatValue(null, "aantal")).toBe("–");
    expect(formatChange(-0.04, "aandeel")).toBe("−4 procentpunt");
    expect(formatChange(12, "aantal")).toBe("+12");
  });
});
