/**
 * Cognito: who may sign in, and the hosted UI the web app sends them to (authorization code + PKCE).
 */
import { Duration, Lazy, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import {
  AccountRecovery,
  ClientAttributes,
  FeaturePlan,
  Mfa,
  OAuthScope,
  StandardThreatProtectionMode,
  StringAttribute,
  UserPool,
  UserPoolClient,
  UserPoolClientIdentityProvider,
  UserPoolDomain,
} from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';

export interface AuthProps {
  /** Hosted UI prefix: https://<prefix>.auth.<region>.amazoncognito.com (globally unique per region). */
  readonly domainPrefix: string;
  /** Extra sign-in callback URLs, e.g. the local dev server. The site's own URL is added with allowSignInFrom. */
  readonly callbackUrls: string[];
  readonly logoutUrls: string[];
}

/** Where the web app receives the authorization code; the web app must use the same path. */
export const CALLBACK_PATH = '/auth/callback';

export class Auth extends Construct {
  readonly userPool: UserPool;
  readonly client: UserPoolClient;
  readonly domain: UserPoolDomain;
  /** Issuer of the ID tokens, as the HTTP API JWT authorizer expects it. */
  readonly issuer: string;
  private readonly callbackUrls: string[];
  private readonly logoutUrls: string[];

  constructor(scope: Construct, id: string, props: AuthProps) {
    super(scope, id);
    this.callbackUrls = [...props.callbackUrls];
    this.logoutUrls = [...props.logoutUrls];

    this.userPool = new UserPool(this, 'UserPool', {
      // Accounts belong to a vetted organisation; an administrator creates them and sets org_id and role.
      selfSignUpEnabled: false,
      signInAliases: { email: true },
      signInCaseSensitive: false,
      standardAttributes: { email: { required: true, mutable: true }, fullname: { required: true, mutable: true } },
      customAttributes: {
        org_id: new StringAttribute({ mutable: true, maxLen: 64 }),
        role: new StringAttribute({ mutable: true, maxLen: 32 }),
      },
      passwordPolicy: {
        minLength: 12,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(3),
      },
      mfa: Mfa.OPTIONAL,
      mfaSecondFactor: { otp: true, sms: false },
      accountRecovery: AccountRecovery.EMAIL_ONLY,
      // Plus tier: compromised-credential checks and adaptive (risk-based) MFA for a handful of admin-made users.
      featurePlan: FeaturePlan.PLUS,
      standardThreatProtectionMode: StandardThreatProtectionMode.FULL_FUNCTION,
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    Validations.of(this.userPool).acknowledge({
      id: 'AwsSolutions-COG2',
      reason:
        'MFA is optional (TOTP offered) because many company users sign in a few times a year to submit one ' +
        'proposal; Plus-tier threat protection forces an MFA challenge when a sign-in looks risky.',
    });

    this.domain = this.userPool.addDomain('HostedUi', { cognitoDomain: { domainPrefix: props.domainPrefix } });

    this.client = this.userPool.addClient('WebClient', {
      // A browser app cannot keep a secret; the authorization code flow is protected by PKCE instead.
      generateSecret: false,
      authFlows: { userSrp: true },
      oAuth: {
        flows: { authorizationCodeGrant: true },
        scopes: [OAuthScope.OPENID, OAuthScope.EMAIL, OAuthScope.PROFILE],
        callbackUrls: Lazy.list({ produce: () => this.callbackUrls }),
        logoutUrls: Lazy.list({ produce: () => this.logoutUrls }),
      },
      supportedIdentityProviders: [UserPoolClientIdentityProvider.COGNITO],
      preventUserExistenceErrors: true,
      idTokenValidity: Duration.hours(1),
      accessTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.days(1),
      // Refresh token rotation: every refresh (the web client's grant_type=refresh_token, lib/auth/cognito.ts)
      // returns a new refresh token and retires the old one, so a stolen one is good for one use at most. The
      // grace period lets a refresh retried after a dropped answer, or raced by a second tab, still succeed.
      refreshTokenRotationGracePeriod: Duration.seconds(10),
      readAttributes: new ClientAttributes()
        .withStandardAttributes({ email: true, emailVerified: true, fullname: true })
        .withCustomAttributes('org_id', 'role'),
      // org_id and role decide what a user may do, so users must not be able to change them.
      writeAttributes: new ClientAttributes().withStandardAttributes({ fullname: true }),
    });

    this.issuer = `https://cognito-idp.${Stack.of(this).region}.${Stack.of(this).urlSuffix}/${this.userPool.userPoolId}`;
  }

  /** Lets the hosted UI redirect back to this site (origin without trailing slash). */
  allowSignInFrom(origin: string): void {
    this.callbackUrls.push(`${origin}${CALLBACK_PATH}`);
    this.logoutUrls.push(`${origin}/`);
  }

  get hostedUiUrl(): string {
    return this.domain.baseUrl();
  }
}
