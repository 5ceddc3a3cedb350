export declare function chromiumPath(): string;
export declare const CHROMIUM_ARGS: string[];
export declare const MARK_SELECTOR: string;
