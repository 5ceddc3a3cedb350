import js from "@eslint/js";
import globals from "globals";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["node_modules/", "dist/", "docs/.observablehq/", "docs/.data/", "data/", ".cache/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_" }],
    },
  },
  {
    files: ["scripts/**/*.js", "bin/**/*.js", "bench/**/*.js"],
    languageOptions: { globals: globals.node },
  },
  { files: ["docs/**/*.js"], languageOptions: { globals: globals.browser } },
);
