import { SignJWT, jwtVerify } from 'jose';
import type { Claims } from '../core/principal.js';
import { CLAIMS } from '../core/principal.js';
import { env } from '../core/config.js';
import type { UserRecord } from '../data/organisations.js';

/**
 * Local-only tokens, shaped like Cognito ID tokens (same claim names), signed with a key that
 * lives in DATA_DIR. Never bundled for AWS: only the dev route group and the local server import this.
 */
const ISSUER = 'innovasjonstorget-local';
const AUDIENCE = 'innovasjonstorget-web';

const key = () => {
  const secret = env.devTokenSecret();
  if (!secret) throw new Error('DEV_TOKEN_SECRET is not set (the local server sets it)');
  return new TextEncoder().encode(secret);
};

export async function issueDevToken(user: UserRecord): Promise<string> {
  // Demo users have no mailbox: a demo address stands in for Cognito's email claim.
  return new SignJWT({ name: user.name, email: `${user.id}@demo.innovasjonstorget.no`, [CLAIMS.orgId]: user.orgId, [CLAIMS.role]: user.role, token_use: 'id' })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(user.id)
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt()
    .setExpirationTime('8h')
    .sign(key());
}

export async function verifyDevToken(token: string): Promise<Claims> {
  const { payload } = await jwtVerify(token, key(), { issuer: ISSUER, audience: AUDIENCE, algorithms: ['HS256'] });
  return payload as Claims;
}
