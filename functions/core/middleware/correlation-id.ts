import type middy from '@middy/core';
import { logger } from '../logger.js';
import type { ApiEvent, ApiResponse } from '../../http/types.js';

/** A caller's own id is kept when it looks like one (no log injection); otherwise API Gateway's request id. */
const ACCEPTABLE = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * Gives every log line of a request the same `correlation_id` (the caller's `x-correlation-id`, else the
 * API Gateway request id) and sends it back, so a user's report and the logs can be joined. (A Lambda
 * container serves one request at a time; the local server shares one logger, so there concurrent requests'
 * lines may carry each other's id.)
 */
const correlationId = (): middy.MiddlewareObj<ApiEvent, ApiResponse> => {
  const before: middy.MiddlewareFn<ApiEvent, ApiResponse> = async (request) => {
    const sent = request.event.headers?.['x-correlation-id'];
    const id = sent && ACCEPTABLE.test(sent) ? sent : request.event.requestContext?.requestId;
    if (id) {
      logger.setCorrelationId(id);
      (request.internal as Record<string, unknown>).correlationId = id;
    }
  };
  const after: middy.MiddlewareFn<ApiEvent, ApiResponse> = async (request) => {
    const id = (request.internal as Record<string, unknown>).correlationId as string | undefined;
    if (id && request.response) request.response.headers = { ...request.response.headers, 'x-correlation-id': id };
  };
  return { before, after, onError: after };
};

export default correlationId;
