/** A data loader that prints a file of the shared cache (loaders/site-cache.js). */
export type CacheLoader =
  { target: string; site: string } | { target: string; kind: string; param: string };
export declare function cacheLoaders(docs: string): CacheLoader[];
export declare function seedLoaderCache(
  siteCache: string,
  docs: string,
  frameworkCache: string,
  skipKinds?: readonly string[],
): { files: number; missing: string[] };
