export declare const TRANSLATIONS: [string, string, string[]][];
export declare function registeredData(html: string): string[];
export declare function preloadData(html: string): string;
export declare function postProcess(dir: string): string[];
export declare const VIEWPORT: string;
export declare function viewportAllowsZoom(content: string): boolean;
export declare function allowZoom(html: string): string | null;
