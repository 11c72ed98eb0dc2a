import { Match, Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { TABLE_SCHEMA } from '../../functions/data/table-schema.js';
import { buildTestStack } from './test-app.js';

let template: Template;
beforeAll(() => {
  template = Template.fromStack(buildTestStack().stack);
});

describe('the table', () => {
  it('survives stack deletion and console mistakes: retained, deletion-protected, point-in-time recoverable', () => {
    template.hasResource('AWS::DynamoDB::Table', {
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
      Properties: Match.objectLike({
        DeletionProtectionEnabled: true,
        PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
        BillingMode: 'PAY_PER_REQUEST',
      }),
    });
  });

  it('has the keys and indexes of TABLE_SCHEMA, the same shape the local runtime creates', () => {
    template.hasResourceProperties('AWS::DynamoDB::Table', {
      KeySchema: [
        { AttributeName: TABLE_SCHEMA.partitionKey, KeyType: 'HASH' },
        { AttributeName: TABLE_SCHEMA.sortKey, KeyType: 'RANGE' },
      ],
      GlobalSecondaryIndexes: TABLE_SCHEMA.indexes.map((index) =>
        Match.objectLike({
          IndexName: index.name,
          KeySchema: [
            { AttributeName: index.partitionKey, KeyType: 'HASH' },
            { AttributeName: index.sortKey, KeyType: 'RANGE' },
          ],
        }),
      ),
    });
  });
});

describe('sign-in', () => {
  it('lets only administrators create accounts, with a strong password policy', () => {
    template.hasResourceProperties('AWS::Cognito::UserPool', {
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
      Policies: {
        PasswordPolicy: Match.objectLike({
          MinimumLength: 12,
          RequireLowercase: true,
          RequireUppercase: true,
          RequireNumbers: true,
          RequireSymbols: true,
        }),
      },
      MfaConfiguration: 'OPTIONAL',
      Schema: Match.arrayWith([Match.objectLike({ Name: 'org_id', Mutable: true }), Match.objectLike({ Name: 'role', Mutable: true })]),
    });
  });

  it('uses a public client with the authorization code flow (PKCE), no secret', () => {
    template.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      GenerateSecret: false,
      AllowedOAuthFlows: ['code'],
      AllowedOAuthScopes: Match.arrayWith(['openid']),
    });
    // Issue 7: the production client accepts no localhost callback (only a -c devStack=true stack does).
    const [client] = Object.values(template.findResources('AWS::Cognito::UserPoolClient')) as { Properties: Record<string, unknown> }[];
    expect(JSON.stringify(client!.Properties.CallbackURLs)).not.toContain('localhost');
    expect(JSON.stringify(client!.Properties.LogoutURLs ?? [])).not.toContain('localhost');
  });

  it('rotates refresh tokens, with a short grace period for retries', () => {
    template.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      RefreshTokenRotation: { Feature: 'ENABLED', RetryGracePeriodSeconds: 10 },
      // REFRESH_TOKEN_AUTH cannot be used with rotation; the web refreshes through the token endpoint instead.
      ExplicitAuthFlows: Match.not(Match.arrayWith(['ALLOW_REFRESH_TOKEN_AUTH'])),
    });
  });

  it('does not let users change their own organisation or role', () => {
    const clients = template.findResources('AWS::Cognito::UserPoolClient');
    for (const client of Object.values(clients) as { Properties: { WriteAttributes?: string[]; ReadAttributes?: string[] } }[]) {
      expect(client.Properties.WriteAttributes).toBeDefined();
      expect(client.Properties.WriteAttributes).not.toContain('custom:org_id');
      expect(client.Properties.WriteAttributes).not.toContain('custom:role');
      expect(client.Properties.ReadAttributes).toEqual(expect.arrayContaining(['custom:org_id', 'custom:role']));
    }
  });

  it('has a hosted UI domain', () => {
    template.hasResourceProperties('AWS::Cognito::UserPoolDomain', { Domain: 'innovasjonstorget' });
  });
});
