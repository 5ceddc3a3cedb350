// Framework options: https://observablehq.com/framework/config (Framework 1.13).
// Nothing on the built site may be fetched from another origin, so the defaults that do so
// (Google Fonts in globalStylesheets, the footer's link to observablehq.com) are replaced.
// Framework 1.13 has no option for <html lang>: scripts/build.js sets lang="nl" and translates
// the few interface strings that no option reaches (the sidebar toggle's title).

import { sitePaths } from "./loaders/site.ts";

// The networks and the per-scope routes in the refresh's database; none without a database.
const { networks: networkList, paths: scopePaths } = await sitePaths();

const builtOn = new Date().toLocaleDateString("nl-NL", {
  day: "numeric",
  month: "long",
  year: "numeric",
  timeZone: "Europe/Amsterdam",
});

export default {
  root: "docs",
  output: process.env.REGIOMONITOR_DIST ?? "dist",
  title: "Regiomonitor",
  // The sidebar, in the order of the issue; a page per network under "Netwerken".
  pages: [
    { name: "Overzicht", path: "/" },
    { name: "Leden & sectoren", path: "/leden" },
    { name: "Projecten & netwerk", path: "/projecten" },
    { name: "Bijeenkomsten", path: "/bijeenkomsten" },
    { name: "Verduurzaming & financiering", path: "/financiering" },
    { name: "Wederkerigheid", path: "/wederkerigheid" },
    { name: "Enquête", path: "/enquete" },
    { name: "IZA-voortgang", path: "/iza/" },
    { name: "Signalen", path: "/signalen" },
    { name: "Datakwaliteit", path: "/datakwaliteit" },
    { name: "Downloads", path: "/downloads" },
    { name: "Methode", path: "/methode" },
    {
      name: "Netwerken",
      open: true,
      pages: networkList.map((n) => ({ name: n.name, path: `/netwerk/${n.slug}` })),
    },
  ],
  // docs/netwerk/[netwerk].md is built once per network found in the outputs (loaders/site.ts
  // sitePaths, from the site marts of src/site). The per-scope files that pages fetch by URL
  // (lists, graphs, series) are no routes here: scripts/build/scope-files.js copies them into
  // dist/ in one step, instead of one loader process per file.
  dynamicPaths: scopePaths,
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
    // Accessibility fixes for markup that Framework and Plot write and no option reaches
    // (axe-core, WCAG 2.1 AA): Framework's sidebar puts the close button, a <label>, directly
    // inside an <ol> (list), and Plot labels its SVG groups with aria-label but no role
    // (aria-prohibited-attr): they become groups. (Its viewport meta, which forbids zooming, is
    // rewritten by the build: scripts/build/post-process.js.)
    `<script>
document.addEventListener("DOMContentLoaded", () => {
  const close = document.getElementById("observablehq-sidebar-close");
  if (close?.parentElement?.tagName === "OL") close.parentElement.before(close);
});
const rmGroups = (node) => {
  if (node.nodeType !== 1) return;
  const found = [...node.querySelectorAll("svg g[aria-label]:not([role])")];
  if (node.matches("svg g[aria-label]:not([role])")) found.push(node);
  for (const g of found) g.setAttribute("role", "group");
};
new MutationObserver((records) => {
  for (const record of records) record.addedNodes.forEach(rmGroups);
}).observe(document.documentElement, { childList: true, subtree: true });
</script>`,
  ].join("\n"),
  header: "",
  // The accessibility statement (docs/toegankelijkheid.md) is linked from every page's footer,
  // underlined: a link in a line of text must not stand out by colour alone (link-in-text-block).
  footer: `Regiomonitor · regionale samenwerking in zorg en welzijn · gebouwd op ${builtOn} met Observable Framework · <a href="/toegankelijkheid" style="text-decoration: underline">Toegankelijkheid</a>`,
  toc: { show: true, label: "Inhoud" },
  search: false,
};
