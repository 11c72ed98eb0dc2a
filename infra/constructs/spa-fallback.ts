/**
 * CloudFront Function (cloudfront-js-2.0) for the site's default behaviour: a path without a file extension
 * is a client-side route, so it gets the SvelteKit SPA shell (200.html). It runs only on the site behaviour,
 * never on /api/*, so API 404s reach the client as they are (distribution-wide error responses would hide them).
 * '/' is rewritten too: the SPA build (ssr = false) writes no index.html, so the distribution's default root
 * object would find nothing; it stays configured only as a fallback should this function be detached.
 */
export const SPA_FALLBACK_SOURCE = `function handler(event) {
  var request = event.request;
  var uri = request.uri;
  var last = uri.substring(uri.lastIndexOf('/') + 1);
  if (last.indexOf('.') === -1) {
    request.uri = '/200.html';
  }
  return request;
}`;
