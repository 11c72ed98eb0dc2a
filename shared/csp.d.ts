export declare const CONTENT_SECURITY_POLICY_DIRECTIVES: Record<string, string[]>;
export declare function contentSecurityPolicy(extra?: {
  connectSrc?: string[];
  formAction?: string[];
  scriptHashes?: string[];
  upgradeInsecureRequests?: boolean;
}): string;
export declare function svelteKitCspDirectives(): Record<string, string[]>;
