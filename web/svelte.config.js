import adapter from '@sveltejs/adapter-static';
import { svelteKitCspDirectives } from '../shared/csp.js';
import { PRERENDERED_PAGES } from '../shared/site-pages.js';

/**
 * SPA build: every page renders in the browser (ssr = false in the root layout), and both the local
 * server and CloudFront answer unknown extension-less paths with 200.html.
 * @type {import('@sveltejs/kit').Config}
 */
const config = {
	kit: {
		adapter: adapter({ pages: 'build', assets: 'build', fallback: '200.html', strict: true }),
		// The site's one CSP (shared/csp.js); hash mode adds the hashes of SvelteKit's inline script.
		csp: { mode: 'hash', directives: svelteKitCspDirectives() },
		alias: {
			// The web reads the contract, schemas and domain rules from shared/ and nothing else outside web/.
			$shared: '../shared',
		},
		// The static pages are HTML at build time; every other route stays a client-rendered SPA page.
		// The same list tells CloudFront which paths have an HTML file (shared/site-pages.js).
		prerender: { crawl: false, entries: [...PRERENDERED_PAGES] },
		// A prerendered page links the stylesheets of every component it may show (the front page also those of
		// its lazy panels): each is a render-blocking request. The small ones go into the page instead (bench/web).
		// style-src allows inline styles already (shared/csp.js), so this adds no CSP hashes.
		inlineStyleThreshold: 4_096,
	},
};

export default config;
