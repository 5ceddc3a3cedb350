/**
 * How long one stage of a refresh took (the --json summary and the benchmark read these):
 * wall seconds, and the process's CPU seconds (user + system, DuckDB's threads included) since
 * the previous stage was recorded — on a shared machine the CPU figure is the comparable one.
 */
export interface StageTime {
  readonly stage: string;
  readonly seconds: number;
  readonly cpu_seconds: number;
}

const cpuNow = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
};

const round3 = (n: number) => Math.round(n * 1000) / 1000;

/** Collects stage times; `since` gives the Dutch elapsed text of a progress line. */
export class Stopwatch {
  readonly stages: StageTime[] = [];
  private readonly started = performance.now();
  private cpuMark = cpuNow();

  /** Records a stage that began at `start` (a performance.now() value); returns "1,2 s". */
  lap(stage: string, start: number): string {
    const seconds = (performance.now() - start) / 1000;
    const cpu = cpuNow();
    this.stages.push({
      stage,
      seconds: round3(seconds),
      cpu_seconds: round3(cpu - this.cpuMark),
    });
    this.cpuMark = cpu;
    return `${seconds.toFixed(1).replace(".", ",")} s`;
  }

  /** Seconds since the stopwatch was made. */
  total(): number {
    return Math.round(performance.now() - this.started) / 1000;
  }
}
