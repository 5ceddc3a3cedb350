export interface ChromiumFacts {
  found: boolean;
  isRoot: boolean;
  hasApt: boolean;
  pathSet: boolean;
}
export declare function plan(facts: ChromiumFacts): "found" | "install" | "message";
export declare function missingMessage(
  path: string,
  facts: Pick<ChromiumFacts, "isRoot" | "hasApt">,
): string;
