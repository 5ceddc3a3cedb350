export declare function moduleSpecifiers(text: string): string[];
export declare function bundleD3(
  dist: string,
  nodeModules: string,
): Promise<{ replaced: string | null; preloadsDropped: number }>;
