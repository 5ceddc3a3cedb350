export declare const NEEDED: { readonly temp: number; readonly project: number };
export declare function freeBytes(dir: string): number | null;
export declare function lowSpaceWarning(
  what: "temporary folder" | "project",
  dir: string,
  free: number | null,
  needed: number,
): string | null;
