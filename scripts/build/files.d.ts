export declare function walk(dir: string): Generator<string>;
export declare function lineOf(text: string, index: number): number;
/** Every page in `dir` as its clean URL path ("/", "/signalen", "/netwerk/x"), except 404. */
export declare function builtPages(dir: string, prefix?: string): string[];
