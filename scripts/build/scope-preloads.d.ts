export declare function scopeFilesOf(page: string): string[];
export declare function preloadScopeFiles(dist: string, refreshedAt: string): number;
