// `npm run weights -- --landelijk`: the site built on the national-scale outputs (generated if
// absent, refreshed, built with the build timed), for scripts/page-weights.js to measure.
import { spawnSync } from "node:child_process";
import console from "node:console";
import { existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import process from "node:process";
import { fileURLToPath } from "node:url";
import { TARGETS } from "./measure.js";

const root = fileURLToPath(new URL("../..", import.meta.url));

/** Runs a command in the project folder; stops the measurement when it fails. Returns its ms. */
function step(command, args, env = process.env) {
  console.error(`> ${[command === process.execPath ? "node" : command, ...args].join(" ")}`);
  const start = performance.now();
  const result = spawnSync(command, args, { cwd: root, stdio: "inherit", env });
  if (result.error) throw result.error;
  if (result.status !== 0) {
    console.error(`weights: gestopt: ${args[0] ?? command} eindigde met ${result.status}`);
    process.exit(result.status || 1);
  }
  return performance.now() - start;
}

/**
 * The site on the landelijk outputs: generates `data` if absent, refreshes it into `work`
 * (incremental: unchanged exports are not read again), builds into `work`/dist. Returns the
 * folder of the built site and the times.
 */
export function buildLandelijk(data, work) {
  if (!existsSync(join(data, "members.csv"))) {
    step(process.execPath, [
      "bin/regiomonitor.js",
      "generate",
      "--scale",
      "landelijk",
      "--seed",
      "7",
      "--out",
      data,
    ]);
  }
  mkdirSync(work, { recursive: true });
  const db = join(work, "monitor.duckdb");
  const out = join(work, "out");
  const dist = join(work, "dist");
  const refreshMs = step(process.execPath, [
    "bin/regiomonitor.js",
    "refresh",
    "--data",
    data,
    "--out",
    out,
    "--db",
    db,
  ]);
  const buildMs = step(process.execPath, ["scripts/build.js"], {
    ...process.env,
    REGIOMONITOR_SKIP_REFRESH: "1",
    REGIOMONITOR_DB: db,
    REGIOMONITOR_OUT: out,
    REGIOMONITOR_DIST: dist,
  });
  return { dist, refreshMs, buildMs, buildOk: buildMs <= TARGETS.buildMs };
}
