import type middy from '@middy/core';
import { badRequest, problem } from '../errors.js';
import type { ApiEvent } from '../../http/types.js';

const defaults = { maxBytes: 256 * 1024, expectsBody: false };
const FORM_TYPE = /^(?:application\/x-www-form-urlencoded|multipart\/form-data)\s*(?:;|$)/i;
const JSON_TYPE = /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i;

/**
 * Size, media type and syntax of the request body, in that order: 413 before anything is parsed,
 * 415 for a non-JSON body, 400 for malformed JSON. (@middy/http-json-body-parser answers 415 for
 * malformed JSON, which the API contract does not allow.)
 */
const jsonBody = (opts: Partial<typeof defaults> = {}): middy.MiddlewareObj<ApiEvent> => {
  const { maxBytes, expectsBody } = { ...defaults, ...opts };
  const jsonBodyBefore: middy.MiddlewareFn<ApiEvent> = async (request) => {
    const event = request.event;
    const raw = event.body;
    const hasBody = raw !== undefined && raw !== null && raw !== '';
    if (!hasBody) {
      if (expectsBody) throw badRequest('This endpoint needs a JSON request body.');
      event.parsedBody = undefined;
      return;
    }
    const bytes = event.isBase64Encoded ? Buffer.from(raw, 'base64') : Buffer.from(raw, 'utf8');
    if (bytes.byteLength > maxBytes) {
      throw problem(413, `The request body is ${bytes.byteLength} bytes; the limit is ${maxBytes} bytes.`);
    }
    const contentType = event.headers?.['content-type'] ?? '';
    // RFC 8058 one-click unsubscribe: mail clients POST a small form body to routes that take none.
    if (!expectsBody && FORM_TYPE.test(contentType)) {
      event.parsedBody = undefined;
      return;
    }
    if (!JSON_TYPE.test(contentType)) {
      throw problem(415, `Send the body as application/json (got ${contentType || 'no Content-Type'}).`);
    }
    if (!expectsBody) throw badRequest('This endpoint takes no request body.');
    try {
      event.parsedBody = JSON.parse(bytes.toString('utf8'));
    } catch (e) {
      throw badRequest(`The body is not valid JSON: ${(e as Error).message}`);
    }
  };
  return { before: jsonBodyBefore };
};

export default jsonBody;
