/** Types the route table implies, checked by `tsc` in `npm test` (expectTypeOf is erased at run time). */
import { describe, expectTypeOf, it } from 'vitest';
import type { RouteInput } from '../../../../functions/http/types.js';
import type { Principal } from '../../../../functions/core/principal.js';

describe('what a handler receives, by the route table', () => {
  it('gets a principal, not maybe one, on user routes', () => {
    expectTypeOf<RouteInput<'getMe'>['principal']>().toEqualTypeOf<Principal>();
    expectTypeOf<RouteInput<'createCall'>['principal']>().toEqualTypeOf<Principal>();
  });

  it('gets maybe a principal on optional routes and must check', () => {
    expectTypeOf<RouteInput<'getCall'>['principal']>().toEqualTypeOf<Principal | undefined>();
    expectTypeOf<RouteInput<'listCalls'>['principal']>().toEqualTypeOf<Principal | undefined>();
  });
});
