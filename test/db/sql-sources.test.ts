// SQL reaches DuckDB only through the `sql` template (src/db/sql.ts): no source builds SQL text
// from plain strings, and `trusted` text is written in a few named places only.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? sources(join(dir, e.name))
      : /\.(ts|js)$/.test(e.name)
        ? [join(dir, e.name)]
        : [],
  );
}

const files = [...sources("src"), ...sources("loaders"), ...sources("bench")];
const KEYWORDS =
  "select|insert\\s+into|create\\s+(?:or\\s+replace\\s+)?(?:temp\\s+)?(?:table|view|macro)|delete\\s+from|drop\\s+(?:table|view)|copy\\s*\\(|update\\s+\\w+\\s+set|with\\s+\\w+\\s+as\\s*\\(";
/** A template literal that is not tagged, or a quoted string, that starts like a statement. */
const UNTAGGED = new RegExp(`(?<![\\w$])\`\\s*(?:${KEYWORDS})\\b`, "i");
const QUOTED = new RegExp(`["']\\s*(?:${KEYWORDS})\\s`, "i");
/** Where trusted SQL text is written: constants of the code, never input. */
const TRUSTED_IN = ["src/db/sql.ts", "src/ingest/schema.ts", "src/ingest/sql/macros.ts"];

describe("SQL sources", () => {
  it("reads the sources", () => expect(files.length).toBeGreaterThan(80));

  for (const file of files) {
    it(`${file} builds SQL only with the sql template`, () => {
      const text = readFileSync(file, "utf8");
      const lines = text.split("\n");
      const raw = lines.flatMap((line, i) =>
        UNTAGGED.test(line) || QUOTED.test(line) ? [`${i + 1}: ${line.trim()}`] : [],
      );
      expect(raw, "SQL text outside sql`…`").toEqual([]);
      expect(/\blit\(/.test(text), "lit() is gone: use sql`…`").toBe(false);
      if (!TRUSTED_IN.includes(file)) {
        expect(/\btrusted\(/.test(text), "trusted() outside its allowed files").toBe(false);
      }
      expect(/connection\.(run|runAndReadAll|stream)\(\s*[`"']/.test(text)).toBe(false);
    });
  }
});
