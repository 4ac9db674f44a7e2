/**
 * The keys that decide on the focused comment of the moderation queue, as WordPress and Coral have them. A module of
 * its own: the queue (a server component) lists them, and QueueRow (a client component) acts on them.
 */
export const decisionKeys = { a: 'approve', r: 'reject', s: 'spam' } as const;
