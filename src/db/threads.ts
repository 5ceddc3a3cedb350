import { availableParallelism } from "node:os";

/**
 * Below this many bytes of exports in all, DuckDB runs on one thread. It splits work by row
 * groups of 122.880 rows, so small exports gain nothing from a second thread and pay for it:
 * a refresh of the sample (1 MB) takes 20 % more CPU on two threads (4,7-4,9 against 3,8-4,0
 * CPU-s, bench/README.md), and refreshes side by side contend for the cores.
 */
export const ONE_THREAD_BELOW = 16 * 2 ** 20;

/** DuckDB's threads for exports of `bytes` in all: one when small, else every core. */
export function threadsFor(bytes: number, cores = availableParallelism()): number {
  return bytes < ONE_THREAD_BELOW ? 1 : cores;
}
