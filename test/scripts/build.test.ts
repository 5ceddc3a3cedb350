// scripts/build/: the post-processing of dist/ (lang="nl", translations, preloads), the download
// files, and the audit (other origins, English, folders named like a page), on small sites; then
// the built dist/ itself (from `npm run build`) has no folder named like a page.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { auditSite, auditText, pageFolders } from "../../scripts/build/audit.js";
import { DOWNLOADS_FOLDER, copyDownloads } from "../../scripts/build/downloads.js";
import { postProcess } from "../../scripts/build/post-process.js";

const dist = fileURLToPath(new URL("../../dist", import.meta.url));

/** A folder with `files` (path → text). */
function site(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "regiomonitor-build-"));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, ".."), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

const page = (body = "") =>
  `<!DOCTYPE html>\n<html>\n<head>\n<link rel="modulepreload" href="./_observablehq/client.js">\n</head>\n<body><button title="Toggle sidebar"></button>${body}</body>\n</html>\n`;
const client = "el.title = `Toggle sidebar ${shortcut}`;\n";

describe("postProcess", () => {
  it("sets lang=nl, translates the sidebar title and preloads the page's JSON and Arrow data", () => {
    const data =
      `\nregisterFile("data/a.json", {"name":"data/a.json","mimeType":"application/json","path":"./_file/data/a.1234.json"});` +
      `\nregisterFile("data/b.arrow", {"name":"data/b.arrow","path":"./_file/data/b.5678.arrow","size":10});` +
      `\nregisterFile("data/c.csv", {"name":"data/c.csv","mimeType":"text/csv","path":"./_file/data/c.9abc.csv"});`;
    const dir = site({
      "index.html": page(`<script type="module">${data}\n</script>`),
      "_observablehq/client.js": client,
    });
    expect(postProcess(dir)).toEqual([]);
    const html = readFileSync(join(dir, "index.html"), "utf8");
    expect(html).toContain('<html lang="nl">');
    expect(html).toContain('title="Zijbalk tonen of verbergen"');
    expect(html).toContain(
      '<link rel="preload" as="fetch" href="./_file/data/a.1234.json" crossorigin>\n' +
        '<link rel="preload" as="fetch" href="./_file/data/b.5678.arrow" crossorigin>\n<link rel="modulepreload"',
    );
    // A CSV file is a download, not a payload that the page reads when it loads.
    expect(html).not.toContain('c.9abc.csv" crossorigin');
    expect(readFileSync(join(dir, "_observablehq/client.js"), "utf8")).toContain(
      "`Zijbalk tonen of verbergen ${",
    );
    // A second run changes nothing.
    postProcess(dir);
    expect(readFileSync(join(dir, "index.html"), "utf8")).toBe(html);
  });

  it("reports a page with another <html> tag and a client script without the sidebar title", () => {
    const dir = site({ "index.html": '<html lang="en"><body></body></html>' });
    expect(postProcess(dir)).toEqual([
      'index.html: expected one plain <html> tag, found <html lang="en">',
      "client script: sidebar title not found (`Toggle sidebar ${): Framework changed?",
    ]);
  });
});

describe("auditSite", () => {
  it("finds requests to other origins and English interface strings", () => {
    expect(auditText("a.html", ".html", '<script src="https://cdn.jsdelivr.net/x.js">')).toEqual([
      "a.html:1: refers to cdn.jsdelivr.net",
      'a.html:1: request to another origin: <script src="https://cdn.jsdelivr.net/x.js">',
    ]);
    expect(auditText("b.js", ".js", 'x;\nimport("//example.org/m.js")')).toEqual([
      'b.js:2: request to another origin: import("//example.org/m.js")',
    ]);
    expect(auditText("c.css", ".css", "a{background:url(https://example.org/i.png)}")).toHaveLength(
      1,
    );
    expect(auditText("d.html", ".html", '<input placeholder="Search">')).toEqual([
      'd.html: English interface string left: placeholder="Search"',
    ]);
    expect(auditText("e.html", ".html", '<a href="https://example.org/">ergens</a>')).toEqual([]);
  });

  it("finds a folder named like a page, at any depth", () => {
    const dir = site({
      "index.html": "",
      "downloads.html": "",
      "downloads/a.csv": "",
      "netwerk/x.html": "",
      "netwerk/x/y.json": "",
      [`${DOWNLOADS_FOLDER}/a.csv`]: "",
    });
    expect(pageFolders(dir).sort()).toEqual(["downloads", "netwerk/x"]);
    expect(auditSite(dir)).toEqual([
      "downloads/: a folder named like the page downloads.html",
      "netwerk/x/: a folder named like the page netwerk/x.html",
    ]);
  });
});

describe("copyDownloads", () => {
  it("copies the output tables and the workbook, never the database, into a fresh folder", () => {
    const out = site({
      "members.csv": "a\n",
      "members.nl.csv": "a\n",
      "members.parquet": "PAR1",
      "regiomonitor.xlsx": "PK",
      "monitor.duckdb": "",
      "notes.txt": "",
    });
    const to = join(out, "..", `${DOWNLOADS_FOLDER}-${Date.now()}`);
    mkdirSync(to);
    writeFileSync(join(to, "stale.csv"), "");
    expect(copyDownloads(out, to).sort()).toEqual([
      "members.csv",
      "members.nl.csv",
      "members.parquet",
      "regiomonitor.xlsx",
    ]);
    expect(existsSync(join(to, "stale.csv"))).toBe(false);
    expect(() => copyDownloads(site({}), to)).toThrow(/no output tables/);
  });
});

describe("the built site (dist/)", () => {
  it("has its download files and no folder named like a page", () => {
    expect(existsSync(join(dist, "index.html")), "dist/ not built: run `npm run build`").toBe(true);
    expect(existsSync(join(dist, DOWNLOADS_FOLDER, "indicators.csv"))).toBe(true);
    expect(existsSync(join(dist, `${DOWNLOADS_FOLDER}.html`))).toBe(false);
    expect(pageFolders(dist)).toEqual([]);
  });
});
