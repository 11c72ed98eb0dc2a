/**
 * Prices the cost estimate uses, in USD, region eu-north-1 (Stockholm), written down on 2026-12-02.
 * No network here: these are the public list prices as last read from the AWS price pages (on-demand
 * DynamoDB after the November 2024 cut; Lambda arm64; HTTP API; CloudFront Europe; S3 Standard). Check
 * them against https://aws.amazon.com/<service>/pricing/ before quoting a figure; the bench prints the
 * formula so a corrected price changes the estimate in the obvious way.
 */
export const PRICES = {
  region: 'eu-north-1',
  date: '2026-12-02',
  dynamodb: {
    /** On-demand, per million read request units (one 4 KB strongly consistent read, two eventually consistent). */
    perMillionReadUnits: 0.1327,
    /** On-demand, per million write request units (1 KB). */
    perMillionWriteUnits: 0.6637,
    /** Standard table class, per GB-month (indexes included). */
    perGbMonth: 0.2655,
  },
  lambda: {
    /** arm64, per GB-second. */
    perGbSecond: 0.0000133334,
    perMillionRequests: 0.2,
  },
  httpApi: { perMillionRequests: 1.0 },
  cloudfront: {
    /** Europe, per GB to the internet (first 10 TB). */
    perGbOut: 0.085,
    /** HTTPS requests, per 10,000. */
    per10kRequests: 0.012,
  },
  s3: { perGbMonth: 0.023, per1kGet: 0.00042, per1kPut: 0.0053 },
} as const;
