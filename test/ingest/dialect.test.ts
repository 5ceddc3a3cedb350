import { describe, expect, it } from "vitest";
import { sniffDialect } from "../../src/ingest/dialect.ts";

describe("sniffDialect", () => {
  it("takes the delimiter that splits the header into the most fields", () => {
    expect(sniffDialect("a,b,c\n1,2,3")).toEqual({ delimiter: ",", sepHint: false });
    expect(sniffDialect("a;b;c\n1,5;2;3")).toEqual({ delimiter: ";", sepHint: false });
    expect(sniffDialect("a\tb\tc\n")).toEqual({ delimiter: "\t", sepHint: false });
  });

  it("ignores delimiters inside quoted header names and leading blank lines", () => {
    expect(sniffDialect('\n\n"naam, volledig";b;c\n')).toEqual({ delimiter: ";", sepHint: false });
  });

  it("follows an Excel sep= hint on line 1", () => {
    expect(sniffDialect("sep=;\r\na,b;c\r\n")).toEqual({ delimiter: ";", sepHint: true });
    expect(sniffDialect("SEP=,\na;b,c\n")).toEqual({ delimiter: ",", sepHint: true });
  });

  it("falls back to a comma for a one-column header", () => {
    expect(sniffDialect("organisation_id\nO1\n")).toEqual({ delimiter: ",", sepHint: false });
  });
});
