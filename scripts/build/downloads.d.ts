export declare const DOWNLOADS_FOLDER: string;
export declare function copyDownloads(from: string, to: string): string[];
