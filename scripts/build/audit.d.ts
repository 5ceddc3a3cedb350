export declare const ENGLISH: string[];
export declare const FORBIDDEN_HOSTS: string[];
export declare function auditText(name: string, ext: string, text: string): string[];
export declare function pageFolders(dir: string, prefix?: string): string[];
export declare function auditSite(dir: string): string[];
