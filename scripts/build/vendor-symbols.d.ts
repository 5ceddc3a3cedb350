export interface Library {
  name: string;
  prefix: string;
  entries: Record<string, string>;
}
export declare const LIBRARIES: Library[];
export declare function symbolsIn(
  text: string,
  library: string,
  file: string,
  into?: Set<string>,
): Set<string>;
export declare function vendorSymbols(docs: string): Map<string, string[]>;
