import type { Library } from "./vendor-symbols.js";
export { pageImports, type PageImport } from "./page-imports.js";
export declare function sourceOf(
  dist: string,
  docs: string,
  file: string,
): { component: string } | { library: string } | null;
export declare function bundleEntry(
  imports: {
    source: { component?: string; library?: string };
    names?: string[];
  }[],
  libraries?: Library[],
): string;
export declare function bundlePages(
  dist: string,
  docs: string,
  nodeModules: string,
  symbols: Map<string, string[]>,
  libraries?: Library[],
): Promise<{ bundles: { bundle: string; bytes: number }[]; pages: number; skipped: string[] }>;
