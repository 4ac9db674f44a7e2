import { env } from '@/lib/env';
import { signedIds } from '@/lib/signed-ids';

/**
 * The links in reply mail. The unsubscribe link is the reply follower's id signed with a key of its own (as
 * subscribers' links are: lib/subscribers/links.ts), so it needs no row and cannot be made for another address.
 */
const replyFollowerTokens = signedIds('reply-links', 'reply-follower');
export const replyFollowerToken = replyFollowerTokens.tokenFor;
/** The reply follower a token names, or null when it is malformed or not signed by us. */
export const replyFollowerIdOf = replyFollowerTokens.idOf;

/** The confirmation page: it shows a button, and only the button's POST confirms (scanners open every link). */
export const replyConfirmUrl = (token: string) => `${env().SITE_URL}/replies/confirm/${token}`;
/** RFC 8058's one-click address: a POST there stops reply mail; a GET leads to the page with the button. */
export const replyOneClickUrl = (id: number) => `${env().SITE_URL}/replies/unsubscribe/${replyFollowerToken(id)}`;
/** The body's link: a page whose button stops reply mail. */
export const replyStopUrl = (id: number) => `${env().SITE_URL}/replies/stop/${replyFollowerToken(id)}`;
