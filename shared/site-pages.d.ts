export declare const PRERENDERED_PAGES: readonly `/${string}`[];
export declare const prerenderedFile: (path: string) => string;
