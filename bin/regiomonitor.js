#!/usr/bin/env node
// Runs the command-line entry point: the compiled JavaScript in .cache/cli/ when it is up to
// date with src/ (bin/compiled.js), otherwise the TypeScript through tsx, so no build step is
// needed.
import { pathToFileURL } from "node:url";
import { COMPILED, upToDate } from "./compiled.js";

let main;
if (upToDate()) {
  ({ main } = await import(pathToFileURL(COMPILED).href));
} else {
  const { register } = await import("tsx/esm/api");
  register();
  ({ main } = await import("../src/cli/main.ts"));
}
process.exitCode = await main(process.argv.slice(2));
