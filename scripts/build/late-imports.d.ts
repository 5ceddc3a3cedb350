export declare function lateStatements(
  script: string,
  statements: readonly { index: number }[],
): boolean[];
