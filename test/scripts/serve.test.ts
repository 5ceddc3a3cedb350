// The static server of scripts/serve.js over a small built site: clean URLs, the 404 page,
// content types and cache headers, and nothing outside the folder.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type StaticServer } from "../../scripts/serve.js";

let dir: string;
let server: StaticServer;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "regiomonitor-serve-"));
  const files: Record<string, string> = {
    "index.html": "<p>start</p>",
    "leden.html": "<p>leden</p>",
    "404.html": "<p>niet gevonden</p>",
    "netwerk/slimmer-leven.html": "<p>slimmer leven</p>",
    "_file/data/a.0123abcd.json": "{}",
    "bestanden/members.csv": "a,b\n",
    "bestanden/members.parquet": "PAR1",
  };
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, ".."), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  writeFileSync(join(dir, "..", "geheim.txt"), "nee");
  server = await startServer(dir, 0);
});

afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

const get = (path: string, init?: RequestInit) => fetch(new URL(path, server.url), init);

describe("scripts/serve.js", () => {
  it("serves pages by their clean URL", async () => {
    for (const [path, text] of [
      ["/", "start"],
      ["/leden", "leden"],
      ["/leden.html", "leden"],
      ["/netwerk/slimmer-leven", "slimmer leven"],
    ]) {
      const response = await get(path!);
      expect(response.status, path).toBe(200);
      expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
      expect(response.headers.get("cache-control")).toBe("no-cache");
      expect(await response.text()).toContain(text);
    }
  });

  it("answers an unknown path with the 404 page", async () => {
    for (const path of ["/bestaat-niet", "/netwerk/", "/../geheim.txt", "/%2e%2e/geheim.txt"]) {
      const response = await get(path);
      expect(response.status, path).toBe(404);
      expect(await response.text()).toContain("niet gevonden");
    }
  });

  it("gives hashed files a long cache life and data files their type", async () => {
    const data = await get("/_file/data/a.0123abcd.json");
    expect(data.headers.get("cache-control")).toContain("immutable");
    expect(data.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(data.headers.get("x-content-type-options")).toBe("nosniff");
    const csv = await get("/bestanden/members.csv");
    expect(csv.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(await csv.text()).toBe("a,b\n");
    const parquet = await get("/bestanden/members.parquet");
    expect(parquet.headers.get("content-type")).toBe("application/vnd.apache.parquet");
  });

  it("answers HEAD without a body and refuses other methods", async () => {
    const head = await get("/leden", { method: "HEAD" });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe("");
    const post = await get("/leden", { method: "POST" });
    expect(post.status).toBe(405);
    expect(post.headers.get("allow")).toBe("GET, HEAD");
  });
});
