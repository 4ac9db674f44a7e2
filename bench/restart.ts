import { spawn } from 'node:child_process';
import { stopProcess, waitUntilAnswers } from './load';
import { record } from './report';

/**
 * `npm start` with nothing changed since the build, to the first 200 of the home page: how long a site is down
 * after a crash, a reboot or a deploy of the same code. Run with the bench's own build and database (the
 * environment the build was made with), after the bench's server has stopped, since the embedded database has one
 * writer at a time.
 */
export async function measureRestart({ port, label }: { port: number; label: string }): Promise<number> {
  const started = performance.now();
  const server = spawn('node_modules/.bin/tsx', ['--conditions=react-server', 'scripts/start.ts'], {
    stdio: 'ignore',
    env: { ...process.env, PORT: String(port) },
    detached: true,
  });
  try {
    await waitUntilAnswers(`http://127.0.0.1:${port}/`, {
      child: server,
      what: 'npm start',
      seconds: 300,
      status: 200,
    });
  } finally {
    // The script and the next server it started are one process group.
    if (server.pid) process.kill(-server.pid, 'SIGTERM');
    await stopProcess(server);
  }
  const seconds = (performance.now() - started) / 1000;
  record({ figure: `restart → first 200 (${label})`, value: seconds, unit: 's', budget: '≤ 5 s', pass: seconds <= 5 });
  return seconds;
}
