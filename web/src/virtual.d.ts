declare module 'virtual:route-paths' {
	/** Method and path of every route of shared/api/contract.ts (generated at build time). */
	export const routes: Record<import('$shared/api/contract').RouteId, { method: string; path: string }>;
}
