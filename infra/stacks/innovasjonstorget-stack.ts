/**
 * Everything in one stack, one construct per concern (Data, Auth, Api, Web).
 * Why one stack: Web needs the API's id and the Cognito ids, Auth needs the site's URL for its callbacks, and
 * cross-stack exports would freeze those references (an export in use cannot change). The table and user pool
 * are RETAIN + deletion protection, so a stack delete or replacement never takes the data with it.
 */
import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { Api } from './api.js';
import { Auth } from './auth.js';
import { Data } from './data.js';
import { Notifications } from './notifications.js';
import { Derived } from './derived.js';
import { Files } from './files.js';
import { Web } from './web.js';

export interface InnovasjonstorgetStackProps extends StackProps {
  readonly authDomainPrefix: string;
  readonly authCallbackUrls: string[];
  readonly authLogoutUrls: string[];
  /** Absolute path of web/build. */
  readonly webBuildDir: string;
  readonly tracing?: boolean;
  /** The API's origin-only domain name (execute-api is disabled; CloudFront connects here). */
  readonly apiOriginDomain: string;
  readonly apiOriginCertificateArn?: string;
  /** The CloudFront web ACL (EdgeStack, us-east-1). */
  readonly webAclArn: string;
}

export class InnovasjonstorgetStack extends Stack {
  readonly data: Data;
  readonly auth: Auth;
  readonly api: Api;
  readonly web: Web;
  readonly files: Files;

  constructor(scope: Construct, id: string, props: InnovasjonstorgetStackProps) {
    super(scope, id, props);

    this.data = new Data(this, 'Data');
    this.auth = new Auth(this, 'Auth', {
      domainPrefix: props.authDomainPrefix,
      callbackUrls: props.authCallbackUrls,
      logoutUrls: props.authLogoutUrls,
    });
    this.api = new Api(this, 'Api', {
      table: this.data.table,
      auth: this.auth,
      tracing: props.tracing,
      originDomainName: props.apiOriginDomain,
      originCertificateArn: props.apiOriginCertificateArn,
    });
    this.web = new Web(this, 'Web', { api: this.api, auth: this.auth, buildDir: props.webBuildDir, webAclArn: props.webAclArn });
    // Feeds, calendars and e-mails link to the site. The functions can name the distribution: it depends
    // on the HTTP API resource, never on the functions, so this adds no cycle.
    const publicBaseUrl = (this.node.tryGetContext('publicBaseUrl') as string | undefined) ?? `https://${this.web.distribution.distributionDomainName}`;
    for (const fn of Object.values(this.api.functions)) fn.function.addEnvironment('PUBLIC_BASE_URL', publicBaseUrl);
    const notifications = new Notifications(this, 'Notifications', { table: this.data.table, api: this.api, web: this.web, tracing: props.tracing });
    // Documents and attachments (S3, verifier) and SES for stakeholder notices of the open phase.
    this.files = new Files(this, 'Files', { table: this.data.table, api: this.api, web: this.web, tracing: props.tracing });
    // Call postings, statistics counters and the match snapshot follow the table's stream.
    new Derived(this, 'Derived', {
      table: this.data.table,
      tracing: props.tracing,
      writers: [...Object.values(this.api.functions), notifications.function, this.files.verifier],
    });

    new CfnOutput(this, 'SiteUrl', { value: `https://${this.web.distribution.distributionDomainName}` });
    new CfnOutput(this, 'ApiOriginDnsTarget', {
      value: this.api.regionalDomainName,
      description: `Point ${props.apiOriginDomain} (CNAME) here; the execute-api endpoint is disabled`,
    });
    new CfnOutput(this, 'UserPoolId', { value: this.auth.userPool.userPoolId });
    new CfnOutput(this, 'TableName', { value: this.data.table.tableName });
  }
}
