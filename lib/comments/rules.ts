import type { commentsMode, SiteSettings } from '@/db/schema';
import { commentMessages } from './messages';

/** The longest comment taken, in characters. */
export const MAX_COMMENT_LENGTH = 5000;
/** The longest commenter name and email address taken. */
export const MAX_NAME_LENGTH = 80;
export const MAX_EMAIL_LENGTH = 200;

export type ModerationSettings = Pick<
  SiteSettings,
  'moderationMode' | 'commentsCloseAfterDays' | 'maxLinks' | 'suspectWords' | 'blockedWords' | 'requireEmail'
>;
export type PostCommentsMode = (typeof commentsMode.enumValues)[number];

export type CommentFacts = {
  body: string;
  email: string | null;
  isStaff: boolean;
  /** An approved comment from this email already exists. */
  knownCommenter: boolean;
  blockedEmail: boolean;
  blockedIp: boolean;
  post: { commentsMode: PostCommentsMode; publishedAt: Date };
  now: Date;
};

/** What happens to a new comment, and why: every hold or rejection carries the reason moderators (and readers) see. */
export type Decision =
  | { outcome: 'approved'; reason: null }
  | { outcome: 'pending'; reason: string }
  | { outcome: 'rejected'; reason: string; message: string };

const DAY = 24 * 60 * 60 * 1000;
const linkPattern = /\bhttps?:\/\/|\bwww\./gi;

export function wordList(text: string): string[] {
  return text
    .split(/[\n,]/)
    .map((word) => word.trim().toLowerCase())
    .filter(Boolean);
}

/** The first listed word or phrase the text contains, matched on word boundaries, ignoring case. */
export function findWord(text: string, words: string[]): string | null {
  const lower = text.toLowerCase();
  return (
    words.find((word) => new RegExp(`(^|[^\\p{L}\\p{N}])${escapeRegExp(word)}($|[^\\p{L}\\p{N}])`, 'u').test(lower)) ??
    null
  );
}

export function countLinks(text: string): number {
  return text.match(linkPattern)?.length ?? 0;
}

export function commentsClosed(post: CommentFacts['post'], settings: ModerationSettings, now: Date): boolean {
  if (post.commentsMode === 'closed') return true;
  const days = settings.commentsCloseAfterDays;
  return days !== null && now.getTime() - post.publishedAt.getTime() > days * DAY;
}

export function decide(facts: CommentFacts, settings: ModerationSettings): Decision {
  const reject = (reason: string, message: string): Decision => ({ outcome: 'rejected', reason, message });
  const refused = commentMessages.refused;
  if (commentsClosed(facts.post, settings, facts.now)) return reject('comments closed', refused.closed);
  if (facts.blockedEmail) return reject('blocked email', refused.blockedEmail);
  if (facts.blockedIp) return reject('blocked IP', refused.blockedNetwork);
  const blocked = findWord(facts.body, wordList(settings.blockedWords));
  if (blocked) return reject(`blocked word "${blocked}"`, refused.blockedWord(blocked));
  if (facts.isStaff) return { outcome: 'approved', reason: null };

  const links = countLinks(facts.body);
  if (links > settings.maxLinks)
    return { outcome: 'pending', reason: `${links} links (more than ${settings.maxLinks})` };
  const suspect = findWord(facts.body, wordList(settings.suspectWords));
  if (suspect) return { outcome: 'pending', reason: `suspect word "${suspect}"` };

  const mode = facts.post.commentsMode === 'site' ? settings.moderationMode : facts.post.commentsMode;
  if (mode === 'hold_all') return { outcome: 'pending', reason: 'all comments are held for moderation' };
  if (mode === 'hold_first' && (!facts.email || !facts.knownCommenter)) {
    return { outcome: 'pending', reason: facts.email ? 'first comment from this email' : 'no email given' };
  }
  return { outcome: 'approved', reason: null };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
