export declare const TRANSLATIONS: [string, string, string[]][];
export declare function registeredJson(html: string): string[];
export declare function preloadData(html: string): string;
export declare function postProcess(dir: string): string[];
