import { confirmLinkLines } from '@/lib/subscribers/messages';
import type { ModerationAction, ModerationDecision } from './moderation';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
const number = (n: number) => n.toLocaleString('en-US');
const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/**
 * Everything the comments domain says to people: readers at the comment form and report form, moderators in the
 * dashboard. (The reasons a rule gives for a hold or a refusal are kept with the comment: see rules.ts.)
 */
export const commentMessages = {
  form: {
    invalid: 'Your comment was not posted: please correct the marked fields.',
    nameTooLong: 'Keep your name under 80 characters.',
    invalidEmail: 'Enter a valid email address, or leave it empty.',
    emptyBody: 'Write your comment first.',
    bodyTooLong: (limit: number, length: number) =>
      `Keep your comment under ${number(limit)} characters (it has ${number(length)}).`,
    bodyHint: (limit: number) => `Plain text. Links become clickable. Up to ${number(limit)} characters.`,
    nameRequired: 'Enter your name.',
    emailRequired: 'Enter your email address (it is never shown).',
    notifyReplies: 'Email me replies',
    notifyRepliesHint: 'When a reply to your comment is published. The first time, we send a link to confirm.',
    emailForReplies: 'Enter your email address to get replies by email, or untick “Email me replies”.',
    unsent: 'Your comment could not be sent. Please try again.',
  },
  posted: {
    approved: 'Your comment is published.',
    pending: 'Your comment is awaiting moderation.',
  },
  refused: {
    noComments: 'This post does not take comments.',
    parentGone: 'The comment you are replying to is no longer there.',
    pressAgain: 'Please check your comment and press “Post comment” again.',
    tooMany: (minutes: number) => `You are commenting faster than we allow. Try again in ${plural(minutes, 'minute')}.`,
    tooManyLater: 'You are commenting faster than we allow. Please try again in a few minutes.',
    duplicate: 'You already posted this comment.',
    closed: 'Comments are closed on this post.',
    blockedEmail: 'Comments from this address are not accepted here.',
    blockedNetwork: 'Comments from your network are not accepted here.',
    blockedWord: (word: string) =>
      `Your comment contains a word that is not allowed here: “${word}”. Please edit it and post again.`,
  },
  replyMail: {
    confirmMail: {
      subject: (site: string) => `Confirm that you want replies from ${site} by email`,
      text: (site: string, link: string) =>
        [
          `Someone, probably you, commented on ${site} and asked for replies by email.`,
          '',
          ...confirmLinkLines(link),
        ].join('\n'),
    },
    // The reply's author and the story's title are people's words: the subject is encoded by the mailer, and cut.
    subject: (author: string, postTitle: string) =>
      `${clip(author, 60)} replied to your comment on “${clip(postTitle, 80)}”`,
    intro: (author: string, postTitle: string) => `${author} replied to your comment on “${postTitle}”:`,
    yours: 'You wrote',
    read: 'Read the reply on the site',
    why: (site: string) => `You receive this because you asked ${site} to email you replies to your comments.`,
    stop: 'Stop emails about replies',
  },
  replies: {
    confirmHeading: 'Confirm replies by email',
    confirmExplain: 'Press the button to get an email when someone replies to your comments.',
    confirmButton: 'Confirm replies by email',
    confirmed: 'Confirmed: replies to your comments will reach your inbox.',
    expired:
      'This confirmation link has expired or was already used. Tick “Email me replies” on your next comment to get a new one.',
    stopHeading: 'Emails about replies',
    stopExplain: 'Press the button to stop every email about replies to your comments.',
    stopButton: 'Stop emails about replies',
    stopped: 'Done: you will get no more emails about replies.',
    notReceiving: 'This address gets no emails about replies.',
    forgetExplain:
      '“Forget me” deletes your address from our list for replies, with the record of the emails we sent it. Your comments stay on the site.',
    forgetButton: 'Forget me',
    forgottenTitle: 'Address forgotten',
    forgotten:
      'Your address is deleted from our list for replies, with the record of the emails we sent it: you will get no more emails about replies. Your comments stay on the site.',
    forgottenAgain: 'To get replies by email again, tick “Email me replies” on your next comment.',
    gone: 'This link no longer works.',
  },
  report: {
    invalid: 'That comment cannot be reported.',
    tooMany: 'You have sent many reports: please try again later.',
    thanks: 'Thank you: a moderator will look at this comment.',
  },
  moderators: {
    /**
     * One mail for everything waiting. Names and texts are the commenters' own: they stay out of the subject and
     * are cut short in the text.
     */
    heldMail: (waiting: number, newest: { authorName: string; body: string; postTitle: string }[]) => ({
      subject: `${plural(waiting, 'comment')} waiting for moderation`,
      text: [
        `${plural(waiting, 'comment')} ${waiting === 1 ? 'is' : 'are'} waiting for moderation. The newest:`,
        '',
        ...newest.map(
          (c) => `- ${clip(c.authorName, 80)} on “${clip(c.postTitle, 80)}”: ${clip(c.body.replace(/\s+/g, ' '), 140)}`,
        ),
        '',
        'Review them at /dashboard/comments.',
      ].join('\n'),
    }),
    selectFirst: 'Select at least one comment first.',
    decided: (decision: ModerationDecision, name: string): string =>
      `The comment by ${name} was ${commentMessages.moderators.logVerbs[decision]}.`,
    undoRefused: 'That decision could not be undone: the comment has changed since, or someone else decided it.',
    blocked: (kind: string | undefined) =>
      `Blocked: that commenter’s ${kind === 'email' ? 'email address' : 'network'} can no longer comment.`,
    emptyQueue: 'No comments in this queue.',
    reports: (reasons: string[]) => {
      const given = reasons.filter(Boolean);
      return `Reported ${plural(reasons.length, 'time')}${given.length > 0 ? `: ${given.join('; ')}` : ''}`;
    },
    emptyLog: 'No decisions yet.',
    formerActor: 'someone no longer here',
    logVerbs: {
      approve: 'approved',
      reject: 'rejected',
      spam: 'marked as spam',
      restore: 'restored',
      delete: 'deleted',
      block_email: 'blocked an email',
      block_ip: 'blocked a network',
    } satisfies Record<ModerationAction, string>,
  },
} as const;
