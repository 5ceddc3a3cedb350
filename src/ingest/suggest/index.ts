export * from "./guess.ts";
export * from "./suggest.ts";
export * from "./draft.ts";
