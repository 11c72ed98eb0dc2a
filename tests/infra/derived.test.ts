import { Match, Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildTestStack } from './test-app.js';

let template: Template;
beforeAll(() => {
  template = Template.fromStack(buildTestStack().stack);
});

describe('derived data from the table stream', () => {
  it('streams old and new images to one consumer, filtered to the item types that move derived data, with a dead-letter queue', () => {
    template.hasResourceProperties('AWS::DynamoDB::Table', { StreamSpecification: { StreamViewType: 'NEW_AND_OLD_IMAGES' } });
    template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      BisectBatchOnFunctionError: true,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      DestinationConfig: { OnFailure: { Destination: Match.anyValue() } },
      FilterCriteria: {
        Filters: [
          { Pattern: JSON.stringify({ dynamodb: { NewImage: { type: { S: ['call', 'proposal', 'outcome', 'promotion', 'membership', 'organisation'] } } } }) },
          { Pattern: JSON.stringify({ dynamodb: { OldImage: { type: { S: ['call', 'proposal', 'outcome', 'promotion', 'membership'] } } } }) },
        ],
      },
    });
  });

  it("lets the consumer read a call's facts and write its contribution and the counters", () => {
    const policies = Object.values(template.findResources('AWS::IAM::Policy')) as {
      Properties: { Roles: { Ref: string }[]; PolicyDocument: { Statement: { Action: string | string[] }[] } };
    }[];
    const stream = policies.filter((p) => p.Properties.Roles.some((r) => /DerivedStream/.test(r.Ref)));
    const actions = new Set(stream.flatMap((p) => p.Properties.PolicyDocument.Statement.flatMap((st) => [st.Action].flat())));
    for (const a of [
      'dynamodb:GetItem',
      'dynamodb:BatchGetItem',
      'dynamodb:Query',
      'dynamodb:PutItem',
      'dynamodb:DeleteItem',
      'dynamodb:UpdateItem',
      'dynamodb:BatchWriteItem',
    ])
      expect(actions, a).toContain(a);
    expect(actions).not.toContain('dynamodb:Scan');
  });

  it('leaves derived writes to the stream in every function that writes the table', () => {
    const fns = Object.values(template.findResources('AWS::Lambda::Function')) as { Properties: { Environment?: { Variables?: Record<string, unknown> } } }[];
    const writers = fns.filter((f) => f.Properties.Environment?.Variables?.TABLE_NAME);
    const stream = writers.filter((f) => f.Properties.Environment?.Variables?.DERIVED_WRITES === 'stream');
    // All but the stream consumer itself (which applies them).
    expect(stream.length).toBe(writers.length - 1);
  });
});
