export declare function moduleSpecifiers(text: string): string[];
export declare function reachable(roots: string[]): Set<string>;
