/**
 * `npm run bench`: the refresh at national scale against its lower bound. Generates the
 * landelijk set once (data/landelijk, cached), then runs, each as its own process: DuckDB's bare
 * read_csv of the same files, with the types it detects and with every column as text
 * (all_varchar, the bare read as issue 12 defines it); a full refresh (--full); a refresh with
 * unchanged exports; and a refresh after one small export changed. Prints a table and JSON
 * (also written to .cache/bench/last.json).
 */
import { spawnSync } from "node:child_process";
import {
  appendFileSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { loadavg } from "node:os";
import { join, resolve } from "node:path";
import { bundle, compile } from "../bin/compiled.js";

const root = resolve(import.meta.dirname, "..");
const data = join(root, "data", "landelijk");
const work = join(root, ".cache", "bench");
const cli = join(root, "bin", "regiomonitor.js");

interface Run {
  readonly name: string;
  readonly seconds: number;
  readonly peakRssMb: number;
  readonly stages?: readonly { stage: string; seconds: number; cpu_seconds?: number }[];
  readonly mode?: string;
}

/** Runs a command under /usr/bin/time -v: wall time, peak RSS and its stdout. */
function measure(args: readonly string[]): { seconds: number; peakRssMb: number; stdout: string } {
  const start = performance.now();
  const child = spawnSync("/usr/bin/time", ["-v", process.execPath, ...args], {
    cwd: root,
    encoding: "utf8",
    maxBuffer: 1 << 28,
  });
  const seconds = (performance.now() - start) / 1000;
  // Write back what this run left dirty, so that the next run does not pay for it.
  spawnSync("sync");
  if (child.status !== 0) {
    throw new Error(`${args.join(" ")} eindigde met ${child.status}:\n${child.stderr}`);
  }
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(child.stderr);
  return { seconds, peakRssMb: rss ? Number(rss[1]) / 1024 : NaN, stdout: child.stdout };
}

function refreshRun(name: string, dataDir: string, extra: readonly string[] = []): Run {
  const args = [
    cli,
    "refresh",
    "--data",
    dataDir,
    "--out",
    join(work, "out"),
    "--db",
    join(work, "monitor.duckdb"),
    "--json",
    ...extra,
  ];
  const { seconds, peakRssMb, stdout } = measure(args);
  const summary = JSON.parse(stdout) as { mode: string; timing: { stages: Run["stages"] } };
  return { name, seconds, peakRssMb, stages: summary.timing.stages, mode: summary.mode };
}

/** The bare read's seconds per file, from its JSON. */
function bareFiles(stdout: string): { file: string; seconds: number }[] {
  return (JSON.parse(stdout) as { files: { file: string; seconds: number }[] }).files;
}

const nl = (n: number, digits = 1) =>
  n.toLocaleString("nl-NL", { minimumFractionDigits: digits, maximumFractionDigits: digits });

if (!existsSync(join(data, "attendance.csv"))) {
  console.error("landelijke set genereren (eenmalig) …");
  measure([cli, "generate", "--scale", "landelijk", "--seed", "1", "--out", data]);
}
// The refreshes start from the compiled CLI (bin/compiled.js), as after the tests: without it
// bin/regiomonitor.js runs src/ through tsx, ≈ 0,7 CPU-s more per run.
await compile();
mkdirSync(work, { recursive: true });
rmSync(join(work, "out"), { recursive: true, force: true });
rmSync(join(work, "monitor.duckdb"), { force: true });
const loadBefore = loadavg();

// bench/bare-read.ts compiled to JavaScript, so that the bare read starts as the refresh does
// (from compiled code): through tsx its start took ≈ 0,2 s longer, time that is no reading.
const bareReadJs = join(work, "bare-read.js");
await bundle(join(root, "bench", "bare-read.ts"), bareReadJs);

/** DuckDB's bare read of every file into a new database file (bench/bare-read.ts). */
function bareRead(...flags: string[]) {
  const file = join(work, "bare.duckdb");
  const read = measure([bareReadJs, data, file, ...flags]);
  rmSync(file, { force: true });
  return read;
}

console.error("1/5 kale read_csv, typen herkend …");
const bare = bareRead();
console.error("2/5 kale read_csv, alles als tekst (all_varchar) …");
const bareText = bareRead("--all-varchar");
console.error("3/5 volledige verversing …");
const full = refreshRun("volledig", data, ["--full"]);
console.error("4/5 verversing, exports ongewijzigd …");
const unchanged = refreshRun("ongewijzigd", data);
console.error("5/5 verversing, members.csv gewijzigd …");
const changed = join(work, "changed");
mkdirSync(changed, { recursive: true });
// Every other export as it is (the survey files too: a missing export is a change of its own).
for (const name of readdirSync(data).filter((n) => n.endsWith(".csv") && n !== "members.csv")) {
  rmSync(join(changed, name), { force: true });
  // A hard link would share the content; a copy is what an export folder has.
  copyFileSync(join(data, name), join(changed, name));
}
writeFileSync(join(changed, "members.csv"), readFileSync(join(data, "members.csv")));
appendFileSync(
  join(changed, "members.csv"),
  "ORG-99999,Bench Organisatie (fictief),Slimmer Leven,zorg,,GM0772,2024-01-01,\n",
);
const oneChanged = refreshRun("één export gewijzigd", changed);
rmSync(changed, { recursive: true, force: true });

const runs: Run[] = [
  { name: "kale read_csv (typen herkend)", ...bare },
  { name: "kale read_csv (all_varchar)", ...bareText },
  full,
  unchanged,
  oneChanged,
];
const ratio = (bareRun: { seconds: number }) =>
  Math.round((full.seconds / bareRun.seconds) * 100) / 100;
const result = {
  date: new Date().toISOString(),
  load_average_before: loadBefore.map((l) => Math.round(l * 100) / 100),
  load_average_after: loadavg().map((l) => Math.round(l * 100) / 100),
  // Issue 12's target: the full refresh against read_csv(all_varchar) of the same files.
  ratio_full_to_bare_all_varchar: ratio(bareText),
  // The stricter figure of the bench until 08-12-2026: against read_csv with detected types.
  ratio_full_to_bare: ratio(bare),
  unchanged_share_of_full: Math.round((unchanged.seconds / full.seconds) * 1000) / 1000,
  one_changed_share_of_full: Math.round((oneChanged.seconds / full.seconds) * 1000) / 1000,
  runs,
};

/** The bare read's seconds per file, as one line. */
const perFile = (what: string, run: { stdout: string }) =>
  `kale read_csv (${what}) per bestand: ` +
  bareFiles(run.stdout)
    .map((f) => `${f.file} ${nl(f.seconds)} s`)
    .join(", ");
const rows = runs.map(
  (r) => `| ${r.name} | ${nl(r.seconds)} s | ${nl(r.peakRssMb / 1024, 2)} GB |`,
);
const stageRows = full.stages!.map((s) => {
  const other = (run: Run) => run.stages?.find((x) => x.stage === s.stage);
  const cell = (v: number | undefined) => (v === undefined ? "–" : `${nl(v)} s`);
  const cells = (x: NonNullable<Run["stages"]>[number] | undefined) =>
    `${cell(x?.seconds)} | ${cell(x?.cpu_seconds)}`;
  return `| ${s.stage} | ${cells(s)} | ${cells(other(unchanged))} | ${cells(other(oneChanged))} |`;
});
console.log(
  [
    `Belasting (load average 1/5/15 min) vooraf: ${result.load_average_before.join(" / ")}, achteraf: ${result.load_average_after.join(" / ")}`,
    "",
    "| run | tijd | piek-RSS |",
    "| --- | ---: | ---: |",
    ...rows,
    "",
    `verhouding volledige verversing / kale read_csv (all_varchar, zoals issue 12 hem meet): ${nl(result.ratio_full_to_bare_all_varchar, 2)} (doel ≤ 2,0; streven 1,5)`,
    `verhouding volledige verversing / kale read_csv met herkende typen (strenger): ${nl(result.ratio_full_to_bare, 2)}`,
    `piek-RSS volledige verversing: ${nl(full.peakRssMb / 1024, 2)} GB (doel ≤ 1,2 GB)`,
    `ongewijzigde exports: ${nl(result.unchanged_share_of_full * 100)} % van een volledige verversing (doel ≤ 10 %)`,
    `één export gewijzigd: ${nl(result.one_changed_share_of_full * 100)} % van een volledige verversing (doel ≤ 40 %)`,
    "",
    perFile("typen herkend", bare),
    perFile("all_varchar", bareText),
    "",
    "| stap | volledig | CPU | ongewijzigd | CPU | één gewijzigd | CPU |",
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ...stageRows,
    "",
    // src/ingest/lanes.ts: the largest independent export is read and checked beside the others
    "Lezen en toetsen lopen in twee banen naast elkaar (de grootste export naast de andere): hun " +
      "tijden overlappen, en de CPU van zo'n stap is die van het hele proces sinds de vorige stap.",
    "",
    JSON.stringify(result, null, 2),
  ].join("\n"),
);
writeFileSync(join(work, "last.json"), `${JSON.stringify(result, null, 2)}\n`);
