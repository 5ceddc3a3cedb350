// The command line compiled to one JavaScript file (.cache/cli/, not in git), so that a start
// skips tsx's TypeScript loader (≈ 0,5 CPU-s a start). bin/regiomonitor.js uses it only while
// every source file it was compiled from is unchanged (content hashes in inputs.json);
// otherwise it runs src/ through tsx as before. The tests' global setup compiles it.
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const dir = join(root, ".cache", "cli");
/** The compiled entry point (exports `main`, like src/cli/main.ts). */
export const COMPILED = join(dir, "main.js");
/** The source files it was compiled from, with their SHA-256. */
export const INPUTS = join(dir, "inputs.json");

const hashOf = (path) => createHash("sha256").update(readFileSync(path)).digest("hex");

/**
 * True when the compiled file exists and none of its source files changed since (`inputs`: the
 * record of their hashes, .cache/cli/inputs.json).
 */
export function upToDate(inputsFile = INPUTS) {
  let inputs;
  try {
    inputs = JSON.parse(readFileSync(inputsFile, "utf8"));
    for (const [path, hash] of Object.entries(inputs)) {
      if (hashOf(join(root, path)) !== hash) return false;
    }
  } catch {
    return false;
  }
  return Object.keys(inputs).length > 0 && existsSync(COMPILED);
}

/**
 * Source files keep their own `import.meta.url` (src/refresh/fingerprint.ts and
 * src/generate/reference.ts find files relative to it), so the bundle behaves as src/ does.
 */
const ownUrl = {
  name: "own-import-meta-url",
  setup(build) {
    build.onLoad({ filter: /\.ts$/ }, (args) => {
      const text = readFileSync(args.path, "utf8");
      const url = JSON.stringify(pathToFileURL(args.path).href);
      return { contents: text.replaceAll("import.meta.url", url), loader: "ts" };
    });
  },
};

/**
 * Bundles a TypeScript entry point and the project's modules it imports into one JavaScript file
 * for Node (packages stay imports) with esbuild, a devDependency; returns esbuild's result with
 * its metafile. The CLI below, and the benchmark's bare read (bench/run.ts).
 */
export async function bundle(entry, outfile) {
  const { build } = await import("esbuild");
  return build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    packages: "external",
    metafile: true,
    logLevel: "error",
    plugins: [ownUrl],
  });
}

/** Compiles src/cli/main.ts into .cache/cli/; returns its path. */
export async function compile() {
  mkdirSync(dir, { recursive: true });
  const tmp = `${COMPILED}.${process.pid}.tmp`;
  const result = await bundle(join(root, "src", "cli", "main.ts"), tmp);
  const inputs = Object.fromEntries(
    Object.keys(result.metafile.inputs)
      .map((input) => relative(root, join(process.cwd(), input)))
      .sort()
      .map((path) => [path, hashOf(join(root, path))]),
  );
  // The code first, then the hashes that vouch for it: a reader never pairs new hashes with old code.
  rmSync(INPUTS, { force: true });
  renameSync(tmp, COMPILED);
  const tmpInputs = `${INPUTS}.${process.pid}.tmp`;
  writeFileSync(tmpInputs, `${JSON.stringify(inputs, null, 2)}\n`);
  renameSync(tmpInputs, INPUTS);
  return COMPILED;
}
