#!/usr/bin/env node
// The first step of `npm test`: makes sure the browser tests have their Chromium. Found at
// CHROMIUM_PATH or /usr/bin/chromium: done. Absent, and running as root where apt-get exists:
// installs Debian's package. Otherwise: one message that says what to run, and exit status 1.
import { spawnSync } from "node:child_process";
import console from "node:console";
import { accessSync, constants } from "node:fs";
import process from "node:process";
import { fileURLToPath } from "node:url";
import { chromiumPath } from "./chromium.js";

/** True when `path` is an executable file. */
function executable(path) {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The directory of `command` on PATH, or null. */
function onPath(command) {
  const dirs = (process.env.PATH ?? "").split(":").filter(Boolean);
  return dirs.find((dir) => executable(`${dir}/${command}`)) ?? null;
}

/** The message when Chromium is absent and cannot be installed here. */
export function missingMessage(path, { isRoot, hasApt }) {
  const install = hasApt
    ? `${isRoot ? "" : "sudo "}apt-get update && ${isRoot ? "" : "sudo "}apt-get install -y chromium`
    : null;
  return [
    `Chromium ontbreekt (${path}); de browsertests hebben het nodig. / Chromium is missing (${path}); the browser tests need it.`,
    install
      ? `Voer uit / Run:  ${install}   en daarna / then:  npm test`
      : "Installeer Chromium en wijs ernaar met / Install Chromium and point to it with:  CHROMIUM_PATH=/pad/naar/chromium npm test",
  ].join("\n");
}

/**
 * What to do about Chromium: "found", "install" (root with apt-get) or "message". The facts come
 * as arguments, so the decision is testable on any machine.
 */
export function plan({ found, isRoot, hasApt, pathSet }) {
  if (found) return "found";
  // A CHROMIUM_PATH that points nowhere is a mistake to report, not a reason to install.
  return isRoot && hasApt && !pathSet ? "install" : "message";
}

function run(command, args) {
  console.error(`> ${command} ${args.join(" ")}`);
  const result = spawnSync(command, args, {
    stdio: ["ignore", "inherit", "inherit"],
    env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
  });
  return result.status === 0;
}

function main() {
  const path = chromiumPath();
  const facts = {
    found: executable(path),
    isRoot: process.getuid?.() === 0,
    hasApt: onPath("apt-get") !== null,
    pathSet: Boolean(process.env.CHROMIUM_PATH),
  };
  const step = plan(facts);
  if (step === "found") return void console.error(`chromium: ${path}`);
  if (step === "install") {
    console.error(`chromium: ${path} ontbreekt / is missing: installeren met apt-get / installing`);
    if (run("apt-get", ["update", "-qq"]) && run("apt-get", ["install", "-y", "-qq", "chromium"])) {
      if (executable(path))
        return void console.error(`chromium: ${path} geïnstalleerd / installed`);
    }
  }
  console.error(missingMessage(path, facts));
  process.exit(1);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
