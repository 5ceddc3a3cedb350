import { describe, expect, it } from "vitest";
import { Prescanner } from "../../src/ingest/prescan.ts";

/** The prescan of a CSV text with `width` fields, pushed in pieces of `piece` bytes. */
function prescan(text: string, width: number, piece = 1 << 20) {
  const scanner = new Prescanner(",", width, 1, false);
  const bytes = Buffer.from(text, "utf8");
  for (let i = 0; i < bytes.length; i += piece) scanner.push(bytes.subarray(i, i + piece));
  return scanner.end();
}

describe("the prescan's free-text fields", () => {
  // Field by field: what rm_text_f's fast path lets through (final) and what it does not.
  const cases: [string, boolean][] = [
    ["Kopgroep", false],
    ["Zorg en welzijn", false],
    ["’s-Hertogenbosch é€ë", false],
    ['"a ""quoted"" one, with comma"', false],
    ["\u000bvertical tab", false],
    [" leading", true],
    ["trailing ", true],
    ["two  spaces", true],
    ["tab\there", true],
    ["form\ffeed", true],
    ['"line\nbreak"', true],
    ['"carriage\rreturn"', true],
    ["no\u00a0break", true],
    ["narrow\u202fno-break", true],
    ['" quoted leading"', true],
    ['"quoted trailing "', true],
  ];

  it.each(cases)("%j: needs normalising %s", (field, dirty) => {
    for (const piece of [1, 2, 3, 1 << 20]) {
      const scan = prescan(`a,b,c\nX,${field},Y\nX,clean,Y\n`, 3, piece);
      expect(scan.irregular, `pieces of ${piece}`).toBeUndefined();
      expect(scan.dirtyFields, `pieces of ${piece}`).toEqual(dirty ? [1] : []);
    }
  });

  it("names fields with a value of only white space, and each field once", () => {
    const scan = prescan('a,b,c\n   ,x,\u00a0\n\t,y , z\nq,"  ",r\n', 3);
    expect(scan.dirtyFields).toEqual([0, 1, 2]);
    expect(scan.blankFields).toEqual([0, 1, 2]);
    for (const piece of [1, 2, 1 << 20]) {
      // U+202F, U+00A0 and a space are white space to rm_text; U+000B and "é" are not.
      const spaces = prescan('a,b,c,d\n\u202f\u00a0 ,\u000b,\u00e9,"\r\n"\n', 4, piece);
      expect(spaces.blankFields, `pieces of ${piece}`).toEqual([0, 3]);
      expect(spaces.dirtyFields, `pieces of ${piece}`).toEqual([0, 3]);
    }
    expect(prescan("a,b\nx,y\n,\n", 2).blankFields).toEqual([]);
  });
});
