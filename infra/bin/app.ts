/**
 * The CDK app: `npx cdk synth` (cdk.json runs this with tsx). cdk-nag's AWS Solutions pack runs as a policy
 * validation plugin, so synth fails on any finding that is not acknowledged with a reason next to its construct.
 */
import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { buildApp } from './build-app.js';

const app = new App();
buildApp(app);
Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
