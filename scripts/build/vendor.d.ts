import type { Library } from "./vendor-symbols.js";
export declare function vendorEntry(symbols: Map<string, string[]>, libraries?: Library[]): string;
export declare function frameworkModule(dist: string, name: string): string | null;
export declare function fixPreloads(dist: string, vendor: string): number;
export declare function bundleVendor(
  dist: string,
  nodeModules: string,
  symbols: Map<string, string[]>,
  libraries?: Library[],
): Promise<{ vendor: string; bytes: number; replaced: string[]; preloadsDropped: number }>;
export declare const BROWSER_BUNDLE: Readonly<{
  bundle: true;
  minify: true;
  format: "esm";
  platform: "browser";
  target: string;
  write: false;
}>;
