export declare const STATIC_KINDS: string[];
export declare function copyScopeFiles(
  cache: string,
  dist: string,
  kinds?: readonly string[],
): { files: number; bytes: number };
