/** How long one stage of a refresh took (the --json summary and the benchmark read these). */
export interface StageTime {
  readonly stage: string;
  readonly seconds: number;
}

/** Collects stage times; `since` gives the Dutch elapsed text of a progress line. */
export class Stopwatch {
  readonly stages: StageTime[] = [];
  private readonly started = performance.now();

  /** Records a stage that began at `start` (a performance.now() value); returns "1,2 s". */
  lap(stage: string, start: number): string {
    const seconds = (performance.now() - start) / 1000;
    this.stages.push({ stage, seconds: Math.round(seconds * 1000) / 1000 });
    return `${seconds.toFixed(1).replace(".", ",")} s`;
  }

  /** Seconds since the stopwatch was made. */
  total(): number {
    return Math.round(performance.now() - this.started) / 1000;
  }
}
