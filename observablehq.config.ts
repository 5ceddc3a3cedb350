// Framework options: https://observablehq.com/framework/config (Framework 1.13).
// Nothing on the built site may be fetched from another origin, so the defaults that do so
// (Google Fonts in globalStylesheets, the footer's link to observablehq.com) are replaced.
// Framework 1.13 has no option for <html lang>: scripts/build.js sets lang="nl" and translates
// the few interface strings that no option reaches (the sidebar toggle's title).

const builtOn = new Date().toLocaleDateString("nl-NL", {
  day: "numeric",
  month: "long",
  year: "numeric",
  timeZone: "Europe/Amsterdam",
});

export default {
  root: "docs",
  output: "dist",
  title: "Regiomonitor",
  // The dashboard pages are listed here as they are added, e.g. {name: "Netwerken", path: "/netwerken"}.
  pages: [],
  sidebar: true,
  pager: true,
  // Default theme (light and dark) with the dashboard look; docs/style.css adds the Dutch labels.
  style: "style.css",
  // Framework's default is a Google Fonts stylesheet (Source Serif 4); the fallback fonts are local.
  globalStylesheets: [],
  head: [
    `<meta name="description" content="Regiomonitor: regionale samenwerking in zorg en welzijn">`,
    // Blocks any request to another origin, so a mistake shows up as a console error, not a leak.
    `<meta http-equiv="Content-Security-Policy" content="default-src 'self' data: blob:; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; worker-src 'self' blob:; object-src 'none'; base-uri 'self'; form-action 'self'">`,
    // An empty icon: otherwise the browser asks for /favicon.ico, which does not exist.
    `<link rel="icon" href="data:,">`,
  ].join("\n"),
  header: "",
  footer: `Regiomonitor · regionale samenwerking in zorg en welzijn · gebouwd op ${builtOn} met Observable Framework`,
  toc: { show: true, label: "Inhoud" },
  search: false,
};
