export declare const PRERENDERED_PAGES: readonly `/${string}`[];
export declare const prerenderedFile: (path: string) => string;
export declare const PUBLIC_ROUTES: readonly `/${string}`[];
