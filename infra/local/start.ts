import { localSettings } from './settings.js';
import { startLocalStack } from './stack.js';
import { startNotificationsRunner } from './notifications-runner.js';

/** `npm start`: the marketplace on http://localhost:3000 (PORT), data under .data/ (DATA_DIR). */
const settings = localSettings();
const stack = await startLocalStack(settings);
// Immediate notices go out as .eml files under DATA_DIR/outbox (the scheduled Lambda does this in AWS).
const notifications = startNotificationsRunner({ dataDir: settings.dataDir, publicBaseUrl: stack.url.replace('127.0.0.1', 'localhost') });
console.log(`Innovasjonstorget is running at ${stack.url.replace('127.0.0.1', 'localhost')}  (Ctrl-C stops it)`);

let stopping = false;
const stop = async (signal: string) => {
  if (stopping) return;
  stopping = true;
  console.log(`\n${signal}: stopping…`);
  await notifications.stop();
  await stack.close();
  process.exit(0);
};
process.on('SIGINT', () => void stop('SIGINT'));
process.on('SIGTERM', () => void stop('SIGTERM'));
