#!/usr/bin/env node
// Serves the built dashboard (dist/) on 127.0.0.1 with Framework's clean URLs: /foo is
// dist/foo.html, /dir/ is dist/dir/index.html. No dependencies: node:http only.
import console from "node:console";
import { createReadStream, existsSync } from "node:fs";
import { stat } from "node:fs/promises";
import { createServer } from "node:http";
import { extname, join, resolve, sep } from "node:path";
import process from "node:process";
import { URL, fileURLToPath } from "node:url";

/** Content types by file extension; anything else is application/octet-stream. */
export const CONTENT_TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".topojson": "application/json; charset=utf-8",
  ".geojson": "application/geo+json; charset=utf-8",
  ".csv": "text/csv; charset=utf-8",
  ".tsv": "text/tab-separated-values; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".md": "text/markdown; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".gif": "image/gif",
  ".webp": "image/webp",
  ".ico": "image/x-icon",
  ".woff": "font/woff",
  ".woff2": "font/woff2",
  ".ttf": "font/ttf",
  ".otf": "font/otf",
  ".wasm": "application/wasm",
  ".arrow": "application/vnd.apache.arrow.file",
  ".parquet": "application/vnd.apache.parquet",
  ".pdf": "application/pdf",
  ".zip": "application/zip",
  ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

/** Folders whose file names carry a content hash, so browsers may cache them for good. */
const HASHED = ["/_observablehq/", "/_node/", "/_npm/", "/_file/", "/_import/"];

async function isFile(path) {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

/** The file in `dir` that serves `pathname`, or null: exact file, then .html, then index.html. */
export async function resolveFile(dir, pathname) {
  let decoded;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  if (decoded.includes("\0")) return null;
  const base = resolve(dir);
  const path = resolve(base, `.${decoded}`);
  if (path !== base && !path.startsWith(base + sep)) return null;
  const candidates = decoded.endsWith("/")
    ? [join(path, "index.html")]
    : [path, `${path}.html`, join(path, "index.html")];
  for (const candidate of candidates) if (await isFile(candidate)) return candidate;
  return null;
}

function send(request, response, status, path, headers = {}) {
  const type = CONTENT_TYPES[extname(path).toLowerCase()] ?? "application/octet-stream";
  response.writeHead(status, {
    "Content-Type": type,
    "X-Content-Type-Options": "nosniff",
    ...headers,
  });
  if (request.method === "HEAD") return void response.end();
  createReadStream(path)
    .on("error", () => response.destroy())
    .pipe(response);
}

/** Handles one request for the files in `dir`. */
export async function handle(dir, request, response) {
  if (request.method !== "GET" && request.method !== "HEAD") {
    response.writeHead(405, { Allow: "GET, HEAD", "Content-Type": "text/plain; charset=utf-8" });
    return void response.end("Methode niet toegestaan\n");
  }
  const { pathname } = new URL(request.url ?? "/", "http://localhost");
  const file = await resolveFile(dir, pathname);
  if (file) {
    // A folder asked for without its slash: redirect, so relative links resolve from inside it.
    const last = pathname.slice(pathname.lastIndexOf("/") + 1);
    if (
      last !== "" &&
      last !== "index" &&
      last !== "index.html" &&
      file.endsWith(`${sep}index.html`)
    ) {
      response.writeHead(301, { Location: `${pathname}/` });
      return void response.end();
    }
    const cache = HASHED.some((prefix) => pathname.startsWith(prefix))
      ? "public, max-age=31536000, immutable"
      : "no-cache";
    return send(request, response, 200, file, { "Cache-Control": cache });
  }
  const notFound = join(dir, "404.html");
  if (await isFile(notFound))
    return send(request, response, 404, notFound, { "Cache-Control": "no-cache" });
  response.writeHead(404, { "Content-Type": "text/plain; charset=utf-8" });
  response.end("Pagina niet gevonden\n");
}

/** Serves `dir` on 127.0.0.1:`port` (0 picks a free port); resolves once listening. */
export function startServer(dir, port = 3000) {
  const server = createServer((request, response) => {
    handle(dir, request, response).catch((error) => {
      console.error(error);
      if (!response.headersSent)
        response.writeHead(500, { "Content-Type": "text/plain; charset=utf-8" });
      response.end("Serverfout\n");
    });
  });
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
