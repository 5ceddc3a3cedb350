// scripts/build/late-imports.js: the data files that only cells after the first chart read are
// not preloaded; every other file keeps its preload.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { lateFiles, withoutLatePreloads } from "../../scripts/build/late-imports.js";

const dist = fileURLToPath(new URL("../../dist", import.meta.url));

const register = (name: string, path: string) =>
  `\nregisterFile(${JSON.stringify(name)}, ${JSON.stringify({ name, path })});`;

const script =
  register("./data/meta.json", "./_file/data/meta.1111.json") +
  register("./data/late.arrow", "./_file/data/late.2222.arrow") +
  register("./data/both.json", "./_file/data/both.3333.json") +
  register("./data/used.json", "./_file/data/used.4444.json") +
  `
define({id: "1", inputs: ["FileAttachment"], outputs: ["afterFirstChart","firstChart","meta","lateFile","bothFile","usedFile"], body: async (FileAttachment) => {
const {afterFirstChart} = await import("./_import/bundle.aaaa1111.js").then((m) => m.m0);
const meta = FileAttachment("./data/meta.json").json();
const lateFile = FileAttachment("./data/late.arrow").arrayBuffer();
const bothFile = FileAttachment("./data/both.json");
const usedFile = FileAttachment("./data/used.json").json();
usedFile.then(() => undefined);
const firstChart = afterFirstChart();
return {afterFirstChart,firstChart,meta,lateFile,bothFile,usedFile};
}});
define({id: "2", inputs: ["meta","bothFile","display"], body: async (meta,bothFile,display) => {
display(meta);
}});
define({id: "3", inputs: ["firstChart","lateFile","bothFile","usedFile"], body: async (firstChart,lateFile,bothFile,usedFile) => {
firstChart;
}});`;

describe("lateFiles", () => {
  it("finds a file read only by cells that wait for the first chart, and no other", () => {
    // meta: an early cell reads it; both: one early reader; used: its own cell uses it as well.
    expect(lateFiles(script)).toEqual(["./_file/data/late.2222.arrow"]);
    expect(lateFiles(script.replace("const firstChart = afterFirstChart();", ""))).toEqual([]);
  });

  it("drops only that file's preload from a page", () => {
    const link = (path: string) => `<link rel="preload" as="fetch" href="${path}" crossorigin>\n`;
    const head = link("./_file/data/meta.1111.json") + link("./_file/data/late.2222.arrow");
    const html = `<head>\n${head}</head>\n<script type="module">${script}</script>`;
    const out = withoutLatePreloads(html);
    expect(out).toContain(link("./_file/data/meta.1111.json"));
    expect(out).not.toContain('late.2222.arrow" crossorigin');
    expect(out).toContain('"path":"./_file/data/late.2222.arrow"');
  });

  it("in the built site (dist/): the Overzicht fetches its signals after the KPI cards", () => {
    expect(existsSync(join(dist, "index.html")), "dist/ not built: run `npm run build`").toBe(true);
    const html = readFileSync(join(dist, "index.html"), "utf8");
    const preloads = [...html.matchAll(/<link rel="preload" as="fetch" href="([^"]+)"/g)].map(
      (m) => m[1]!,
    );
    expect(preloads.some((p) => /\/meta\.[0-9a-f]+\.json$/.test(p))).toBe(true);
    expect(preloads.some((p) => /\/signals\.[0-9a-f]+\.arrow$/.test(p))).toBe(false);
    expect(html).toMatch(/registerFile\("\.\/data\/signals\.arrow"/);
  });
});
