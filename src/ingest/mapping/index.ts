export * from "./types.ts";
export * from "./values.ts";
export * from "./parse.ts";
export * from "./glob.ts";
export * from "./load.ts";
