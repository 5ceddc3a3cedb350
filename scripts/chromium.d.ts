import type { Page } from "playwright-core";

export declare function chromiumPath(): string;
export declare const CHROMIUM_ARGS: string[];
export declare const MARK_SELECTOR: string;
/**
 * Waits, via `quiet`, until a page has had no request in flight for `ms` (≤ `timeout`); resolves
 * with whether it did.
 */
export declare function requestsInFlight(page: Page): {
  quiet: (ms?: number, timeout?: number) => Promise<boolean>;
};
