/**
 * Saved-search e-mail: the notification job (functions/jobs/notifications.ts) and the two EventBridge Scheduler
 * schedules that run it. Mail goes out through SES as raw MIME; the function may send only from the configured
 * identity and only as its From address.
 *
 * Context: `mailFromIdentity` (an SES identity: a verified domain, default innovasjonstorget.no, or an address),
 * `mailFrom` (the From header, default `Innovasjonstorget <varsel@<domain>>`), `publicBaseUrl` (links in
 * e-mails, default the CloudFront site).
 */
import { Duration, Stack, TimeZone, Validations } from 'aws-cdk-lib';
import { nagArn } from './resources.js';
import type { Table } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { CfnFunction } from 'aws-cdk-lib/aws-lambda';
import { Schedule, ScheduleExpression, ScheduleTargetInput } from 'aws-cdk-lib/aws-scheduler';
import { LambdaInvoke } from 'aws-cdk-lib/aws-scheduler-targets';
import type { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import { ApiFunction } from '../constructs/api-function.js';
import type { Api } from './api.js';
import type { Web } from './web.js';

export const IMMEDIATE_SCHEDULE = 'rate(10 minutes)';
export const WEEKLY_SCHEDULE = 'cron(0 7 ? * MON *)';
export { DEFAULT_MAIL_IDENTITY } from './mail-identity.js';
import { DEFAULT_MAIL_IDENTITY } from './mail-identity.js';

export interface NotificationsProps {
  readonly table: Table;
  /** Its cursor secret also signs unsubscribe tokens, so links from the job verify in the API. */
  readonly api: Api;
  /** The site the e-mails link to (unless context publicBaseUrl says otherwise). */
  readonly web: Web;
  readonly tracing?: boolean;
}

export class Notifications extends Construct {
  readonly function: ApiFunction;
  readonly immediate: Schedule;
  readonly weekly: Schedule;

  constructor(scope: Construct, id: string, props: NotificationsProps) {
    super(scope, id);
    const stack = Stack.of(this);
    const context = <T>(key: string, fallback: T): T => (this.node.tryGetContext(key) as T | undefined) ?? fallback;
    const identity = context('mailFromIdentity', DEFAULT_MAIL_IDENTITY);
    const fromAddress = identity.includes('@') ? identity : `varsel@${identity}`;
    const mailFrom = context('mailFrom', `Innovasjonstorget <${fromAddress}>`);
    const publicBaseUrl = context('publicBaseUrl', `https://${props.web.distribution.distributionDomainName}`);

    this.function = new ApiFunction(this, 'Job', {
      entry: 'functions/jobs/notifications.ts',
      description: 'Innovasjonstorget notifications job: new-call notices and weekly digests by e-mail',
      tracing: props.tracing,
      environment: {
        TABLE_NAME: props.table.tableName,
        // Keys by ARN, read once per container (functions/core/secrets.ts); the job signs e-mail links.
        CURSOR_SECRET_ARN: props.api.cursorSecret.secretArn,
        LINK_SECRET_ARN: props.api.linkSecret.secretArn,
        MAIL_TRANSPORT: 'ses',
        MAIL_FROM: mailFrom,
        PUBLIC_BASE_URL: publicBaseUrl,
        POWERTOOLS_SERVICE_NAME: 'innovasjonstorget-notifications',
      },
    });
    // ApiFunction's 10 s suits a request, not a batch of e-mails; SES sends a few a second per call.
    (this.function.function.node.defaultChild as CfnFunction).timeout = Duration.minutes(5).toSeconds();

    // Reads calls and subscriptions, claims notices (Put), releases a failed claim (Delete), moves the watermark
    // and e-mail confirmations (Update). No Scan.
    props.table.grant(
      this.function.function,
      'dynamodb:GetItem',
      'dynamodb:BatchGetItem',
      'dynamodb:Query',
      'dynamodb:PutItem',
      'dynamodb:UpdateItem',
      'dynamodb:DeleteItem',
    );
    props.api.cursorSecret.grantRead(this.function.function);
    props.api.linkSecret.grantRead(this.function.function);
    Validations.of(this.function).acknowledge({
      id: `AwsSolutions-IAM5[Resource::${nagArn(props.table)}/index/*]`,
      reason: 'The job queries the table GSIs (open calls, subscriptions by frequency); index/* covers only this table.',
    });
    this.function.function.addToRolePolicy(
      new PolicyStatement({
        actions: ['ses:SendEmail', 'ses:SendRawEmail'],
        resources: [stack.formatArn({ service: 'ses', resource: 'identity', resourceName: identity })],
        conditions: { StringEquals: { 'ses:FromAddress': fromAddress } },
      }),
    );

    // Both schedules: at most two retries within the window, then the next run picks the work up anyway
    // (the watermark and the per-notice claims make a missed or doubled run harmless).
    // Our own role (CDK would otherwise add one at stack level): the scheduler, for schedules of this account's
    // default group only, may invoke this function and nothing else.
    const schedulerRole = new Role(this, 'SchedulerRole', {
      description: 'EventBridge Scheduler: invoke the Innovasjonstorget notifications job',
      assumedBy: new ServicePrincipal('scheduler.amazonaws.com', {
        conditions: {
          StringEquals: {
            'aws:SourceAccount': stack.account,
            'aws:SourceArn': stack.formatArn({ service: 'scheduler', resource: 'schedule-group', resourceName: 'default' }),
          },
        },
      }),
    });
    const target = (kind: 'immediate' | 'weekly', maxEventAge: Duration) =>
      new LambdaInvoke(this.function.function, {
        role: schedulerRole,
        input: ScheduleTargetInput.fromObject({ kind }),
        retryAttempts: 2,
        maxEventAge,
      });
    this.immediate = new Schedule(this, 'Immediate', {
      description: 'Innovasjonstorget: e-mail a notice for each newly published call that matches an immediate saved search',
      schedule: ScheduleExpression.expression(IMMEDIATE_SCHEDULE),
      target: target('immediate', Duration.minutes(10)),
    });
    this.weekly = new Schedule(this, 'Weekly', {
      description: "Innovasjonstorget: Monday digest of the week's matching calls for weekly saved searches",
      schedule: ScheduleExpression.expression(WEEKLY_SCHEDULE, TimeZone.of('Europe/Oslo')),
      target: target('weekly', Duration.hours(6)),
    });
    Validations.of(schedulerRole).acknowledge({
      id: `AwsSolutions-IAM5[Resource::${nagArn(this.function.function)}:*]`,
      reason: 'lambda:InvokeFunction on this one function and its versions/aliases (grantInvoke adds <arn>:*); no other function.',
    });
  }
}
