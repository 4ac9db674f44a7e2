import 'server-only';
import { PGlite, type QueryOptions, type Results, type Transaction } from '@electric-sql/pglite';

/**
 * PGlite runs Postgres inside the process, so its shared buffers are the server's own memory. initdb's default of
 * 128 MB of buffers (touched as soon as Postgres starts) made up most of the WASM heap and a quarter of the
 * server's RSS; 32 MB holds the pages the reader and comment queries touch, and the table files stay in the
 * operating system's page cache behind them. PostgreSQL servers (DATABASE_URL) keep their own configuration.
 */
const startParams = [...PGlite.defaultStartParams, '-c', 'shared_buffers=32MB'];

type Turns = <T>(run: () => Promise<T>) => Promise<T>;
type Query = (text: string, params?: unknown[], options?: QueryOptions) => Promise<Results<unknown>>;

/**
 * The embedded database on `dataDir`: `client` for the callers that speak to PGlite itself (the job queue), and
 * `forDrizzle`, the same connection as drizzle is given it (see drizzleView).
 *
 * PGlite answers a query without waiting on any I/O: its promise settles in a microtask, and the caller's next query
 * follows in another. Under a rush every request in flight thus ran all of its statements in one turn of the event
 * loop, and turns grew to 100–250 ms. Node reads sockets and accepts new connections between turns, one connection
 * per turn, so the first comments of a rush, each on a new connection, waited seconds to be read (bench/FINDINGS.md,
 * "Starved connections"). Here each statement, or transaction, the app sends waits for a turn of its own: the
 * statements queue in the order they are sent, as PGlite would have run them, and between two of them Node gets to
 * the sockets.
 */
export async function createPglite(dataDir: string): Promise<{ client: PGlite; forDrizzle: PGlite }> {
  const client = await PGlite.create(dataDir, { startParams });
  let last: Promise<unknown> = Promise.resolve();
  const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));
  const inTurn: Turns = (run) => {
    const result = last.then(nextTurn).then(run);
    last = result.catch(() => undefined);
    return result;
  };
  const { query, exec, transaction } = client;
  client.query = ((...args: Parameters<PGlite['query']>) => inTurn(() => query.apply(client, args))) as PGlite['query'];
  client.exec = (...args) => inTurn(() => exec.apply(client, args));
  client.transaction = ((...args: Parameters<PGlite['transaction']>) =>
    inTurn(() => transaction.apply(client, args))) as PGlite['transaction'];
  return { client, forDrizzle: drizzleView(client, inTurn, { query, transaction }) };
}

/**
 * The connection as drizzle is given it. drizzle sends the same parsers with every query (dates, times and intervals
 * kept as text, which it maps itself), and PGlite merges them into a copy of its whole table of parsers, one entry
 * for each type and array type (over 300), on every query: under the comment rush 40 % of a simple query's time, and
 * much of the garbage (bench/FINDINGS.md, "Comments on the embedded database"). Here the merged table is made once,
 * and PGlite reads it as its own only while one of drizzle's queries runs, in drizzle's turn, when no other caller's
 * statement can: the job queue's queries still get PGlite's own table.
 */
function drizzleView(client: PGlite, inTurn: Turns, raw: Pick<PGlite, 'query' | 'transaction'>): PGlite {
  const own = client.parsers;
  const tables = new Map<string, PGlite['parsers']>();
  let running = 0;
  /** A query function that sends drizzle's queries without their parsers, while PGlite holds the merged table. */
  const sendingTo =
    (send: Query): Query =>
    async (text, params, options) => {
      if (!options?.parsers) return send(text, params, options);
      const { parsers, ...rest } = options;
      const types = Object.keys(parsers).join();
      if (!tables.has(types)) tables.set(types, { ...own, ...parsers });
      running++;
      client.parsers = tables.get(types)!;
      try {
        return await send(text, params, rest);
      } finally {
        // Statements of one transaction may overlap: the table goes back when the last of them is done.
        if (--running === 0) client.parsers = own;
      }
    };
  const query = sendingTo((...args) => raw.query.apply(client, args));
  const transaction = <T>(callback: (tx: Transaction) => Promise<T>) =>
    raw.transaction.call(client, (tx) => callback(Object.create(tx, { query: { value: sendingTo(tx.query) } })));
  return Object.create(client, {
    query: { value: (...args: Parameters<Query>) => inTurn(() => query(...args)) },
    transaction: { value: (callback: (tx: Transaction) => Promise<unknown>) => inTurn(() => transaction(callback)) },
  }) as PGlite;
}
