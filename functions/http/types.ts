import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2 } from 'aws-lambda';
import type * as z from 'zod/mini';
import type { RouteId, Routes } from '../../shared/api/contract.js';
import type { Principal } from '../core/principal.js';

/** The API Gateway HTTP API (payload 2.0) event, plus what the middleware stack adds. */
export type ApiEvent = APIGatewayProxyEventV2 & {
  requestContext: APIGatewayProxyEventV2['requestContext'] & {
    authorizer?: { jwt?: { claims?: Record<string, string | number | boolean | string[]>; scopes?: string[] } };
  };
  principal?: Principal;
  parsedBody?: unknown;
  input?: { params: Record<string, string>; query: Record<string, unknown>; body: unknown };
};

type Out<S> = S extends z.ZodMiniType ? z.infer<S> : undefined;
type OutOr<S, F> = S extends z.ZodMiniType ? z.infer<S> : F;

/** What a thin handler receives: parsed input and the caller, nothing from the transport. */
export interface RouteInput<Id extends RouteId> {
  params: OutOr<Routes[Id] extends { params: infer P } ? P : undefined, Record<string, never>>;
  query: OutOr<Routes[Id] extends { query: infer Q } ? Q : undefined, Record<string, never>>;
  body: Out<Routes[Id] extends { body: infer B } ? B : undefined>;
  /** Signed in, by type, on 'user' routes (the authorizer and authenticate() guarantee it); maybe on 'optional' ones. */
  principal: Routes[Id] extends { audience: 'user' } ? Principal : Principal | undefined;
  headers: Record<string, string | undefined>;
  /** The TCP peer API Gateway saw (CloudFront's edge behind the distribution); only for in-memory rate limits. */
  sourceIp?: string;
}

export interface ApiResult {
  status?: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export type RouteHandler<Id extends RouteId> = (input: RouteInput<Id>) => Promise<ApiResult>;
export type RouteHandlers<Ids extends RouteId> = { [Id in Ids]: RouteHandler<Id> };

export type ApiResponse = Exclude<APIGatewayProxyResultV2, string>;
