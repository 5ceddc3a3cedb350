/** The compiled entry point (exports `main`, like src/cli/main.ts). */
export declare const COMPILED: string;
/** The source files it was compiled from, with their SHA-256. */
export declare const INPUTS: string;
/** True when the compiled file exists and none of its source files changed since. */
export declare function upToDate(inputsFile?: string): boolean;
/** Compiles src/cli/main.ts with esbuild into .cache/cli/; returns its path. */
export declare function compile(): Promise<string>;
/** Bundles a TypeScript entry point into one JavaScript file for Node (esbuild); its metafile. */
export declare function bundle(
  entry: string,
  outfile: string,
): Promise<{ metafile: { inputs: Record<string, unknown> } }>;
