export * from "./types.ts";
export * from "./vocabularies.ts";
export * from "./files.ts";
export * from "./headers.ts";
export * from "./booleans.ts";
export * from "./survey-files.ts";
