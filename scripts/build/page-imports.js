// The imports of a built page's module script, as Framework compiles them: one statement per
// cell with imports, `const [{a, b}, ns] = await Promise.all([import("x"), …]);` or
// `const {a} = await import("x");` (scripts/build/page-bundles.js bundles them).

/** A built page's module script (its cells, imports and file registrations): group 1. */
export const MODULE_SCRIPT = /<script type="module">([\s\S]*?)<\/script>/;

/** The files a page registers for FileAttachment: name, the path served and the mime type. */
export function registeredFiles(text) {
  return [...text.matchAll(/\nregisterFile\("([^"]*)", (\{[^\n]*\})\);/g)].map((m) => {
    const { path, mimeType } = JSON.parse(m[2]);
    return { name: m[1], path, mimeType };
  });
}

/** Framework's compiled imports in a page: `const [{a, b}, ns] = await Promise.all([import("x"), …]);`. */
const IMPORT_STATEMENT =
  /const (\[[^\]]*\]|\{[^}]*\}) = await (?:Promise\.all\(\[((?:import\("[^"]+"\)(?:, )?)+)\]\)|import\("([^"]+)"\));/g;
export const SPECIFIER = /import\("([^"]+)"\)/g;
const NAME = /^[\w$]+$/;

/** The elements of a destructuring pattern's top level: `{a, b: c}, d` → ["{a, b: c}", "d"]. */
function topLevel(pattern) {
  const parts = [];
  let depth = 0;
  let current = "";
  for (const char of pattern) {
    if (char === "{") depth += 1;
    if (char === "}") depth -= 1;
    if (char === "," && depth === 0) {
      parts.push(current.trim());
      current = "";
    } else current += char;
  }
  if (current.trim()) parts.push(current.trim());
  return parts;
}

/** `{a, b: c}` → [["a", "a"], ["b", "c"]] (imported name, local name); null if not that form. */
function bindings(element) {
  if (!element.startsWith("{") || !element.endsWith("}")) return null;
  const pairs = [];
  for (const part of element
    .slice(1, -1)
    .split(",")
    .map((p) => p.trim())
    .filter(Boolean)) {
    const [imported, local = imported] = part.split(":").map((p) => p.trim());
    if (!NAME.test(imported) || !NAME.test(local)) return null;
    pairs.push([imported, local]);
  }
  return pairs;
}

/**
 * The imports of a page's module script: per statement its text and, per import, the specifier
 * and either the imported names or the namespace's local name. Null when an import is not in a
 * statement of Framework's form.
 */
export function pageImports(script) {
  const statements = [];
  for (const match of script.matchAll(IMPORT_STATEMENT)) {
    const [text, pattern, list, single] = match;
    const specifiers = single ? [single] : [...list.matchAll(SPECIFIER)].map((m) => m[1]);
    const elements = single ? [pattern] : topLevel(pattern.slice(1, -1));
    if (elements.length !== specifiers.length) return null;
    const imports = [];
    for (const [i, element] of elements.entries()) {
      const names = bindings(element);
      if (names) imports.push({ specifier: specifiers[i], names: names.map(([n]) => n) });
      else if (NAME.test(element)) imports.push({ specifier: specifiers[i], namespace: element });
      else return null;
    }
    statements.push({ text, index: match.index, imports });
  }
  // An import outside these statements would load a second copy of a module: refuse the page.
  const found = statements.reduce((sum, s) => sum + s.imports.length, 0);
  if ((script.match(/\bimport\(/g) ?? []).length !== found) return null;
  return statements;
}
