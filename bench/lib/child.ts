import { spawn, type ChildProcess } from 'node:child_process';
import { ROOT } from '../config.js';

export interface Child {
  url: string;
  pid: number;
  stop: () => Promise<void>;
}

/**
 * Runs a bench/ server module (TypeScript, through tsx) in its own process and waits until it sends
 * `{ url }` over IPC. Its stdout is discarded (request logs would otherwise be measured as terminal
 * writes); the tail of stderr is kept for the error message if it dies.
 */
export function startChild(file: string, args: string[] = [], env: NodeJS.ProcessEnv = {}): Promise<Child> {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', file, ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => {
    stderr = (stderr + d.toString()).slice(-4000);
  });
  const exited = new Promise<void>((ok) => child.once('exit', () => ok()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
  };

  return new Promise((ok, fail) => {
    const timer = setTimeout(() => {
      void stop();
      fail(new Error(`${file} did not start within 60 s. stderr:\n${stderr}`));
    }, 60_000);
    child.once('message', (m: { url?: string }) => {
      clearTimeout(timer);
      if (m.url) ok({ url: m.url, pid: child.pid!, stop });
      else fail(new Error(`${file} sent ${JSON.stringify(m)}`));
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`${file} exited with ${code} before it was ready. stderr:\n${stderr}`));
    });
  });
}
