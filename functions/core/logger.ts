import { Logger } from '@aws-lambda-powertools/logger';
import { env } from './config.js';

/** One structured JSON logger per process (CloudWatch in AWS, stdout locally). */
export const logger = new Logger({ serviceName: env.serviceName() });

/** Security-relevant events get one shape so they can be queried (e.g. sealed-proposal reads). */
export function audit(event: string, fields: Record<string, unknown>): void {
  logger.info(event, { audit: true, event, ...fields });
}
