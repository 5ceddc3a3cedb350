export declare const MODULE_SCRIPT: RegExp;
export declare function registeredFiles(
  text: string,
): { name: string; path: string; mimeType?: string }[];
export declare const SPECIFIER: RegExp;
export interface PageImport {
  specifier: string;
  names?: string[];
  namespace?: string;
}
export declare function pageImports(
  script: string,
): { text: string; index: number; imports: PageImport[] }[] | null;
