// A child process of concurrency.test.ts: waits for a common start time, then for a while
// takes the lock, logs "in"/"out" around a short hold and leaves the lock stale (as a killed
// refresh does) by writing a dead process id into it.
import { appendFileSync, writeFileSync } from "node:fs";
import { acquireLock } from "../../src/refresh/lock.ts";

const [lockPath, logPath, startAt, runMs, deadPid, id] = process.argv.slice(2) as [
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
spinUntil(Number(startAt));
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
  writeFileSync(lockPath, `${deadPid}\n`);
}
process.stdout.write(JSON.stringify({ held, refused }));
