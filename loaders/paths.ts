// Where the loaders find the refresh's files; imports nothing heavy, so that a loader that only
// reads the shared cache (loaders/site-cache.js) starts quickly.

/** The database the refresh wrote (`--db`), which holds the output tables and the site marts. */
export function databasePath(): string {
  return process.env.REGIOMONITOR_DB ?? "data/monitor.duckdb";
}
