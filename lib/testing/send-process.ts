/**
 * A separate process that mails a post to its followers, for the crash test (lib/subscribers/send-kill.test.ts):
 *   node --conditions=react-server --import tsx lib/testing/send-process.ts POST_ID RATE_PER_SECOND
 * prints "done {report}" when it finishes. The test kills it with SIGKILL half-way and runs it again, as pg-boss
 * runs the 'email-post' job again after a server died during it.
 */
import { closeDb, getDb } from '@/lib/db';
import { closeMailPool } from '@/lib/mail';
import { sendPostToFollowers } from '@/lib/subscribers/send';

const [postId, rate] = process.argv.slice(2).map(Number);
const report = await sendPostToFollowers(await getDb(), postId, { ratePerSecond: rate });
console.log(`done ${JSON.stringify(report)}`);
closeMailPool();
await closeDb();
