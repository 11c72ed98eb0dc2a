declare module 'virtual:route-paths' {
	/** Method, path, audience and roles of every route of shared/api/contract.ts (generated at build time). */
	export const routes: Record<
		import('$shared/api/contract').RouteId,
		{ method: string; path: string; audience: import('$shared/api/contract').Audience; roles?: readonly import('$shared/domain/vocabulary').Role[] }
	>;
}
