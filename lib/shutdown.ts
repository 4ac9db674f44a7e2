import 'server-only';

type Task = () => Promise<void>;
// On globalThis: the build gives instrumentation.ts and the route bundles copies of this module of their own (each
// with only the exports it uses), and a task registered by a route must be run by the signal handler.
const holder = globalThis as unknown as { broadsheetShutdownTasks?: Map<string, Task> };
const tasks = (holder.broadsheetShutdownTasks ??= new Map<string, Task>());

/**
 * Work the server finishes before it ends on SIGTERM or SIGINT: counters held in memory are flushed, connections
 * closed. A name registered again replaces its task, so a module reloaded in development does not register twice.
 */
export function onShutdown(name: string, task: Task): void {
  tasks.set(name, task);
}

/** Runs every registered task at once, each given at most `timeoutMs`; a failure is logged and the rest go on. */
export async function runShutdownTasks(timeoutMs = 10_000): Promise<void> {
  await Promise.all(
    [...tasks].map(async ([name, task]) => {
      let timer: NodeJS.Timeout | undefined;
      const deadline = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`did not finish within ${timeoutMs} ms`)), timeoutMs);
      });
      try {
        await Promise.race([task(), deadline]);
      } catch (error) {
        console.error(`shutdown: ${name} failed`, error);
      } finally {
        clearTimeout(timer);
      }
    }),
  );
}
