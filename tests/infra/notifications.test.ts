import { Match, Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildTestStack } from './test-app.js';

type Resource = { Properties: Record<string, any> };
let template: Template;
let job: { id: string; props: Record<string, any> };
let schedules: Record<string, any>[];

beforeAll(() => {
  template = Template.fromStack(buildTestStack({ nag: true }).stack);
  const fns = Object.entries(
    template.findResources('AWS::Lambda::Function', {
      Properties: { Description: Match.stringLikeRegexp('^Innovasjonstorget notifications job') },
    }) as Record<string, Resource>,
  );
  expect(fns).toHaveLength(1);
  job = { id: fns[0]![0], props: fns[0]![1].Properties };
  schedules = Object.values(template.findResources('AWS::Scheduler::Schedule') as Record<string, Resource>).map((r) => r.Properties);
});

describe('the notifications job', () => {
  it('is one Node 22 arm64 function with a batch-sized timeout, sending through SES', () => {
    expect(job.props.Runtime).toMatch(/^nodejs(22|24)\.x$/);
    expect(job.props.Architectures).toEqual(['arm64']);
    expect(job.props.Timeout).toBe(300);
    const vars = job.props.Environment.Variables;
    expect(vars).toMatchObject({
      MAIL_TRANSPORT: 'ses',
      MAIL_FROM: 'Innovasjonstorget <varsel@innovasjonstorget.no>',
      TABLE_NAME: { Ref: expect.stringMatching(/^DataTable/) },
    });
    expect(JSON.stringify(vars.PUBLIC_BASE_URL)).toContain('DomainName');
    // The same link key as the API (by ARN, read at run time), so unsubscribe and confirmation links verify there.
    expect(JSON.stringify(vars.LINK_SECRET_ARN)).toContain('ApiLinkSecret');
    expect(JSON.stringify(vars)).not.toContain('{{resolve:secretsmanager:');
  });

  it('runs every 10 minutes for immediate notices', () => {
    const immediate = schedules.find((s) => JSON.parse(s.Target.Input).kind === 'immediate')!;
    expect(immediate).toMatchObject({ ScheduleExpression: 'rate(10 minutes)', State: 'ENABLED', FlexibleTimeWindow: { Mode: 'OFF' } });
    expect(JSON.parse(immediate.Target.Input)).toEqual({ kind: 'immediate' });
    expect(immediate.Target.Arn).toEqual({ 'Fn::GetAtt': [job.id, 'Arn'] });
  });

  it('runs on Mondays at 07:00 Oslo time for the weekly digest', () => {
    const weekly = schedules.find((s) => JSON.parse(s.Target.Input).kind === 'weekly')!;
    expect(weekly).toMatchObject({ ScheduleExpression: 'cron(0 7 ? * MON *)', ScheduleExpressionTimezone: 'Europe/Oslo' });
    expect(JSON.parse(weekly.Target.Input)).toEqual({ kind: 'weekly' });
    expect(weekly.Target.Arn).toEqual({ 'Fn::GetAtt': [job.id, 'Arn'] });
    expect(schedules).toHaveLength(2);
  });

  it('lets the scheduler invoke only this function', () => {
    const roleArns = new Set(schedules.map((s) => JSON.stringify(s.Target.RoleArn)));
    expect(roleArns.size).toBe(1);
    template.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: {
        Statement: Match.arrayWith([Match.objectLike({ Action: 'lambda:InvokeFunction', Resource: Match.arrayWith([{ 'Fn::GetAtt': [job.id, 'Arn'] }]) })]),
      },
    });
  });

  it('may send e-mail only from the configured SES identity and From address (the job, and the open-phase notices)', () => {
    const policies = Object.values(template.findResources('AWS::IAM::Policy') as Record<string, Resource>);
    const ses = policies
      .flatMap((p) => p.Properties.PolicyDocument.Statement as Record<string, any>[])
      .filter((s) => JSON.stringify(s.Action).includes('ses:'));
    // The job, plus calls (stakeholder notices; award and selection letters), questions, files and the upload
    // verifier (infra/stacks/files.ts).
    expect(ses).toHaveLength(5);
    for (const statement of ses) {
      expect([statement.Action].flat().sort()).toEqual(['ses:SendEmail', 'ses:SendRawEmail']);
      expect(JSON.stringify(statement.Resource)).toMatch(/:ses:.*:identity\/innovasjonstorget\.no"/);
      expect(statement.Condition).toEqual({ StringEquals: { 'ses:FromAddress': 'varsel@innovasjonstorget.no' } });
    }
  });

  it('reads and writes the table (watermark, notice claims) and nothing else of DynamoDB', () => {
    const policies = Object.values(template.findResources('AWS::IAM::Policy') as Record<string, Resource>);
    const jobRole = job.props.Role['Fn::GetAtt'][0];
    const own = policies.filter((p) => JSON.stringify(p.Properties.Roles).includes(jobRole));
    const dynamo = own
      .flatMap((p) => p.Properties.PolicyDocument.Statement as Record<string, any>[])
      .filter((s) => JSON.stringify(s.Action).includes('dynamodb:'));
    expect(dynamo.length).toBeGreaterThan(0);
    for (const s of dynamo) expect(JSON.stringify(s.Resource)).toContain('DataTable');
  });

  it('leaves cdk-nag with nothing unacknowledged (the template above was built with the AWS Solutions checks)', () => {
    expect(template).toBeDefined();
  });
});
