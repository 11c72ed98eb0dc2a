// See https://svelte.dev/docs/kit/types#app.d.ts
declare global {
	namespace App {
		interface Error {
			message: string;
			/** problem+json `detail` when the error came from the API. */
			detail?: string;
		}
	}
}

export {};
