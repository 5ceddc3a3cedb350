export declare function lateStatements(
  script: string,
  statements: readonly { index: number }[],
): boolean[];
export declare function lateFiles(script: string): string[];
export declare function withoutLatePreloads(html: string): string;
