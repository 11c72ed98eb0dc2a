import { PRERENDERED_PAGES, prerenderedFile } from '../../shared/site-pages.js';

/** The id of a call in its address: a ULID (functions/calls/create-call.ts). '/utlysninger/ny' is no id. */
export const CALL_PAGE = /^\/utlysninger\/[0-9A-HJKMNP-TV-Z]{26}$/;

/**
 * CloudFront Function (cloudfront-js-2.0) for the site's default behaviour, on the viewer request:
 * - a prerendered page ('/', '/om', … from shared/site-pages.js) is served from its HTML file ('/om.html');
 * - a call's address '/utlysninger/<id>' from 'utlysninger/<id>.html', the page functions/site/ writes when a
 *   call is created (the bare shell for a draft), published, corrected or cancelled;
 * - any other path without a file extension is a client-side route: the SvelteKit SPA shell (200.html);
 * - files are left alone.
 * It runs only on the site behaviour, never on /api/*, so API 404s reach the client as they are
 * (distribution-wide error responses would hide them).
 */
export const SPA_FALLBACK_SOURCE = `var PAGES = ${JSON.stringify(Object.fromEntries(PRERENDERED_PAGES.map((p) => [p, prerenderedFile(p)])))};
var CALL_PAGE = ${CALL_PAGE.toString()};
function handler(event) {
  var request = event.request;
  var uri = request.uri;
  if (Object.prototype.hasOwnProperty.call(PAGES, uri)) {
    request.uri = PAGES[uri];
  } else if (CALL_PAGE.test(uri)) {
    request.uri = uri + '.html';
  } else if (uri.substring(uri.lastIndexOf('/') + 1).indexOf('.') === -1) {
    request.uri = '/200.html';
  }
  return request;
}`;
