#!/usr/bin/env node
// Serves the built dashboard (dist/) on 127.0.0.1 with sirv and Framework's clean URLs: /leden is
// dist/leden.html, /netwerk/x is dist/netwerk/x.html; anything else gets dist/404.html.
import console from "node:console";
import { createReadStream, existsSync } from "node:fs";
import { createServer } from "node:http";
import { extname, join } from "node:path";
import process from "node:process";
import { URL, fileURLToPath } from "node:url";
import sirv from "sirv";

/** Content types that sirv (mrmime) does not know, or knows without a charset. */
const CONTENT_TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".csv": "text/csv; charset=utf-8",
  ".topojson": "application/json; charset=utf-8",
  ".arrow": "application/vnd.apache.arrow.file",
  ".parquet": "application/vnd.apache.parquet",
  ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

/** Folders whose file names carry a content hash, so browsers may cache them for good. */
const HASHED = ["/_observablehq/", "/_node/", "/_npm/", "/_file/", "/_import/"];

/** A request handler for the built site in `dir`. */
export function siteHandler(dir) {
  const notFound = join(dir, "404.html");
  const files = sirv(dir, {
    etag: true,
    setHeaders(response, pathname) {
      response.setHeader("X-Content-Type-Options", "nosniff");
      // A clean URL (/leden, /) is served from its .html file.
      const ext = extname(pathname).toLowerCase();
      const type = CONTENT_TYPES[ext === "" || pathname.endsWith("/") ? ".html" : ext];
      if (type) response.setHeader("Content-Type", type);
      response.setHeader(
        "Cache-Control",
        HASHED.some((prefix) => pathname.startsWith(prefix))
          ? "public, max-age=31536000, immutable"
          : "no-cache",
      );
    },
  });
  return (request, response) => {
    if (request.method !== "GET" && request.method !== "HEAD") {
      response.writeHead(405, { Allow: "GET, HEAD", "Content-Type": "text/plain; charset=utf-8" });
      return void response.end("Methode niet toegestaan\n");
    }
    files(request, response, () => {
      if (!existsSync(notFound)) {
        response.writeHead(404, { "Content-Type": "text/plain; charset=utf-8" });
        return void response.end("Pagina niet gevonden\n");
      }
      response.writeHead(404, {
        "Content-Type": CONTENT_TYPES[".html"],
        "Cache-Control": "no-cache",
        "X-Content-Type-Options": "nosniff",
      });
      if (request.method === "HEAD") return void response.end();
      createReadStream(notFound)
        .on("error", () => response.destroy())
        .pipe(response);
    });
  };
}

/** Serves `dir` on 127.0.0.1:`port` (0 picks a free port); resolves once listening. */
export function startServer(dir, port = 3000) {
  const server = createServer(siteHandler(dir));
  return new Promise((resolvePromise, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => {
      server.off("error", reject);
      const address = server.address();
      const url = `http://127.0.0.1:${typeof address === "object" && address ? address.port : port}/`;
      resolvePromise({
        server,
        url,
        close: () =>
          new Promise((done, fail) => server.close((error) => (error ? fail(error) : done()))),
      });
    });
  });
}

async function main() {
  const dir = fileURLToPath(new URL("../dist", import.meta.url));
  if (!existsSync(join(dir, "index.html"))) {
    console.error("Geen dist/index.html: bouw het dashboard eerst met `npm run build`.");
    process.exit(1);
  }
  const port = Number(process.env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`Ongeldige PORT: ${process.env.PORT}`);
    process.exit(1);
  }
  try {
    const { url } = await startServer(dir, port);
    console.log(`Dashboard: ${url} — stoppen met Ctrl+C`);
  } catch (error) {
    if (error?.code === "EADDRINUSE") {
      console.error(`Poort ${port} is al in gebruik: kies een andere met PORT=…`);
      process.exit(1);
    }
    throw error;
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
