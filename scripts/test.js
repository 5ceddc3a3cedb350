#!/usr/bin/env node
// `npm test`: finds or installs Chromium (scripts/ensure-chromium.js), then builds the site on the
// sample while the static checks (tsc, eslint, prettier) run beside it, then vitest (including the
// browser tests against the built site). The build waits on one core for much of its time, so the
// checks cost little wall time beside it. Each step's output is printed whole when it ends, so
// the logs of steps side by side do not interleave. Exit status 1 when any step fails; vitest
// runs whenever the build succeeded, so a lint error does not hide a failing test.
import { spawn, spawnSync } from "node:child_process";
import console from "node:console";
import process from "node:process";
import { tmpdir } from "node:os";
import { fileURLToPath } from "node:url";
import { NEEDED, freeBytes, lowSpaceWarning } from "./disk-space.js";

const root = fileURLToPath(new URL("..", import.meta.url));
const npm = process.platform === "win32" ? "npm.cmd" : "npm";

/** Runs `npm run <script>` with its output gathered; resolves with its status and the time. */
function gathered(script) {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(npm, ["run", script], { cwd: root, stdio: ["ignore", "pipe", "pipe"] });
    const output = [];
    child.stdout.on("data", (chunk) => output.push(chunk));
    child.stderr.on("data", (chunk) => output.push(chunk));
    child.on("error", (error) => output.push(Buffer.from(`${error.message}\n`)));
    child.on("close", (code, signal) => {
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      const status = code ?? 1;
      process.stdout.write(Buffer.concat(output));
      console.log(
        `test: ${script} ${status === 0 ? "passed" : `failed (${signal ?? `exit ${code}`})`} in ${seconds} s\n`,
      );
      resolve(status);
    });
  });
}

/** Runs a step with its output shown as it comes; returns its exit status. */
function inline(command, args) {
  const result = spawnSync(command, args, { cwd: root, stdio: "inherit" });
  if (result.error) console.error(`test: ${command}: ${result.error.message}`);
  return result.status ?? 1;
}

for (const [what, dir, needed] of [
  ["temporary folder", tmpdir(), NEEDED.temp],
  ["project", root, NEEDED.project],
]) {
  const warning = lowSpaceWarning(what, dir, freeBytes(dir), needed);
  if (warning) console.error(warning);
}

if (inline(process.execPath, ["scripts/ensure-chromium.js"]) !== 0) process.exit(1);

const [build, ...checks] = await Promise.all(
  ["build", "typecheck", "lint", "format:check"].map(gathered),
);
const unit = build === 0 ? inline(npm, ["run", "test:unit"]) : 1;
if (build !== 0) console.error("test: vitest not run: the site build failed");
const failed = [build, ...checks, unit].some((status) => status !== 0);
process.exit(failed ? 1 : 0);
