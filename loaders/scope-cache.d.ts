// Types of loaders/scope-cache.js (plain JavaScript, so that node runs its loaders without tsx).

/** The kinds of per-scope file (the folders of docs/data and docs/netwerk/data). */
export type ScopeKind = "projecten" | "bijeenkomsten" | "netwerkgraaf" | "netwerk";

/** Where the per-scope payloads of a database are cached between a build's loader processes. */
export function cacheRoot(): string;

/** The JSON of one scope's file of `kind` (its key as in the route), from the site marts. */
export function scopePayload(kind: ScopeKind, key: string, path?: string): Promise<string>;

/** The value of `--<name>=…` among a loader's arguments (Framework passes route parameters so). */
export function paramOf(name: string, args?: readonly string[]): string;
