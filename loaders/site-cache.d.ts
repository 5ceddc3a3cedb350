// Types of loaders/site-cache.js (plain JavaScript, so that node runs its loaders without tsx).

/** The kinds of per-scope file (the folders of docs/data and docs/netwerk/data). */
export type ScopeKind =
  | "projecten"
  | "bijeenkomsten"
  | "netwerkgraaf"
  | "netwerk"
  | "financiering"
  | "iza-regio"
  | "indicatoren"
  | "per-indicator";

/** Where the payloads of a database are cached between a build's loader processes. */
export function cacheRoot(): string;

/** The cache folder of the database at `path`, filled (`<kind>/<key>.json`, `site/<name>`). */
export function filledCache(path?: string): Promise<string>;

/** The JSON of one scope's file of `kind` (its key as in the route), from the site marts. */
export function scopePayload(kind: ScopeKind, key: string, path?: string): Promise<string>;

/** The bytes of the whole-site file docs/data/`name` (e.g. `meta.json`, `signals.arrow`). */
export function sitePayload(name: string, path?: string): Promise<Buffer>;

/** The value of `--<name>=…` among a loader's arguments (Framework passes route parameters so). */
export function paramOf(name: string, args?: readonly string[]): string;
