import { describe, expect, it } from "vitest";
import { CsvScanner, scanText, type RawRecord } from "../../src/ingest/scanner.ts";

const lines = (records: RawRecord[]) => records.map((r) => [r.line, r.fields]);

describe("CsvScanner", () => {
  it("counts physical lines with LF, CRLF and lone CR, skipping blank lines", () => {
    const text = "a,b\r\n1,2\r\n\r\n3,4\n\n  \n5,6\r7,8";
    expect(lines(scanText(text, ","))).toEqual([
      [1, ["a", "b"]],
      [2, ["1", "2"]],
      [4, ["3", "4"]],
      [7, ["5", "6"]],
      [8, ["7", "8"]],
    ]);
  });

  it("keeps line breaks, delimiters and doubled quotes inside quoted fields", () => {
    const text = 'id,name\n1,"two\r\nlines, and ""quotes"""\n2,plain\n';
    const records = scanText(text, ",");
    expect(lines(records)).toEqual([
      [1, ["id", "name"]],
      [2, ["1", 'two\r\nlines, and "quotes"']],
      [4, ["2", "plain"]],
    ]);
  });

  it("keeps a trailing delimiter as an empty last field and an empty quoted field", () => {
    expect(lines(scanText('a;b;\n1;"";\n', ";"))).toEqual([
      [1, ["a", "b", ""]],
      [2, ["1", "", ""]],
    ]);
  });

  it("reports an unterminated quote at the line where its record starts", () => {
    const records = scanText('a,b\n1,"open\n2,3\n', ",");
    expect(records[1]).toMatchObject({ line: 2, unterminatedQuote: true });
  });

  it("gives the same records whatever the chunk boundaries", () => {
    const text = 'x\ty\r\n"a\r\nb"\t"c""d"\r\n\r\n1\t2\r\n';
    const whole = scanText(text, "\t");
    const pieces: RawRecord[] = [];
    const scanner = new CsvScanner("\t", (r) => pieces.push(r));
    for (const ch of text) scanner.push(ch);
    scanner.end();
    expect(pieces).toEqual(whole);
    expect(lines(whole)).toEqual([
      [1, ["x", "y"]],
      [2, ["a\r\nb", 'c"d']],
      [5, ["1", "2"]],
    ]);
  });
});
