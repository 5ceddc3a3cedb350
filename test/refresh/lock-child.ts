// A child process of concurrency.test.ts: says it is ready (`<go>.ready.<id>`), waits for the
// common start time that the test writes to `<go>` once all four are ready, then for a while
// takes the lock, logs "in"/"out" around a short hold and leaves the lock stale, as a killed
// refresh does: its file then holds a process id that no longer runs or, every other time where
// start times can be read, one that a later process got (alive, but started at another time).
import { randomUUID } from "node:crypto";
import { appendFileSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { acquireLock, startTime } from "../../src/refresh/lock.ts";

const [lockPath, logPath, goPath, runMs, deadPid, id] = process.argv.slice(2) as [
  string,
  string,
  string,
  string,
  string,
  string,
];
const spinUntil = (t: number) => {
  while (Date.now() < t) {
    // busy wait: all children start within a millisecond of each other
  }
};
// The parent process (the test) runs throughout: its id with another start time is a reused id.
const parentStart = startTime(process.ppid);
const reused =
  parentStart === undefined
    ? undefined
    : () => `${process.ppid} ${randomUUID()} start=${BigInt(parentStart) + 1n}\n`;
/** The start time in the go file, once the test has written it (whole: it is renamed there). */
function startTimeFromTest(): number {
  const pause = new Int32Array(new SharedArrayBuffer(4));
  for (;;) {
    try {
      return Number(readFileSync(goPath, "utf8"));
    } catch {
      Atomics.wait(pause, 0, 0, 2);
    }
  }
}
writeFileSync(`${goPath}.ready.${id}`, "");
spinUntil(startTimeFromTest());
const end = Date.now() + Number(runMs);
let held = 0;
let refused = 0;
while (Date.now() < end) {
  try {
    acquireLock(lockPath, "test.duckdb");
  } catch {
    refused++;
    continue;
  }
  appendFileSync(logPath, `in ${id}\n`);
  spinUntil(Date.now() + 1);
  appendFileSync(logPath, `out ${id}\n`);
  held++;
  // Die holding the lock: as if this holder had been a process that was killed. (A lock file is
  // never rewritten in place; it is replaced whole.)
  const temporary = `${lockPath}.${id}.test`;
  writeFileSync(temporary, held % 2 && reused ? reused() : `${deadPid} ${randomUUID()}\n`);
  renameSync(temporary, lockPath);
}
process.stdout.write(JSON.stringify({ held, refused }));
