/** An export that cannot be used at all: the refresh stops with exit status 2. */
export class UnusableExportError extends Error {
  constructor(readonly problems: readonly UnusableProblem[]) {
    super(problems.map((p) => `${p.file}: ${p.message_nl}`).join("\n"));
    this.name = "UnusableExportError";
  }
}

export interface UnusableProblem {
  /** The file name as found in the folder (or the canonical name when absent). */
  readonly file: string;
  readonly message_nl: string;
}

/** A wrong command-line argument: exit status 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}

/** Another refresh holds the lock on the same database: exit status 3. */
export class LockedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "LockedError";
  }
}
