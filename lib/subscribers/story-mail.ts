import { withAbsoluteUrls } from '@/lib/feeds/rss';
import type { Mail } from '@/lib/mail';
import { partWithSlot } from '@/lib/mail/encoded-part';
import { preferencesUrlFor, subscriberToken, unsubscribeHeaders } from './links';
import { subscriberMessages } from './messages';

export type Story = {
  title: string;
  /** The post's address on the site, absolute. */
  url: string;
  excerpt: string;
  /** Sanitized on the way in (lib/sanitize); links and images into the site still relative. */
  bodyHtml: string;
  coverImage: string | null;
  coverAlt: string;
  author: string;
};
export type StoryMailOptions = { siteTitle: string; siteUrl: string; fullText: boolean };

const escape = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
const absolute = (url: string, siteUrl: string) => (url.startsWith('/') ? `${siteUrl}${url}` : url);

/** A post's HTML as plain text: paragraphs and line breaks kept, tags dropped, the common entities read. */
export function htmlToText(html: string): string {
  return html
    .replace(/<(br|\/p|\/h[1-6]|\/li|\/blockquote|\/figure)\b[^>]*>/gi, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/**
 * The email-safe frame both mails share: a single-column table with inline styles, the site's name on top, `rows`
 * (table rows) as the content, and a footer with why the mail came and a link to the subscriber's preferences.
 * Returns the HTML and the plain text part's footer.
 */
function mailLayout({ title, rows, manage, siteTitle, siteUrl }: Layout): { html: string; textFooter: string[] } {
  const { story: words } = subscriberMessages;
  const html = `<!doctype html>
<html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escape(title)}</title></head>
<body style="margin:0;padding:0;background:#f4f1ea">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="background:#f4f1ea"><tr><td align="center" style="padding:24px 12px">
<table role="presentation" width="600" cellpadding="0" cellspacing="0" border="0" style="width:100%;max-width:600px;background:#ffffff;font-family:Georgia,'Times New Roman',serif;color:#1a1a1a">
<tr><td style="padding:16px 24px;border-bottom:3px solid #8b1a1a;font-size:14px;font-weight:bold;letter-spacing:1px;text-transform:uppercase"><a href="${escape(siteUrl)}" style="color:#8b1a1a;text-decoration:none">${escape(siteTitle)}</a></td></tr>
<tr><td style="padding:24px">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0">
${rows}
</table></td></tr>
<tr><td style="padding:16px 24px;border-top:1px solid #dddddd;font-family:Arial,sans-serif;font-size:12px;color:#555555">${escape(words.why(siteTitle))}<br><a href="${escape(manage)}" style="color:#555555">${escape(words.unsubscribe)}</a></td></tr>
</table></td></tr></table>
</body></html>`;
  return { html, textFooter: ['--', words.why(siteTitle), `${words.unsubscribe}: ${manage}`] };
}
type Layout = { title: string; rows: string; manage: string; siteTitle: string; siteUrl: string };

type Subscriber = { id: number; email: string };

/**
 * Where each subscriber's token goes in a mail built for many. No text from the database can hold a NUL (PostgreSQL
 * refuses it), so a story cannot contain the slot; a token (digits, a dot, base64url) needs no escaping in HTML.
 */
const TOKEN = '\u0000subscriber-token\u0000';

/**
 * A mail in the shared layout, laid out and encoded once, as each subscriber's own: their token in the body's link
 * to their preferences and in the List-Unsubscribe headers (for the provider's own button) is all a mail adds.
 */
function mailsFor(subject: string, rows: string, text: string[], options: StoryMailOptions): (to: Subscriber) => Mail {
  const { siteTitle, siteUrl } = options;
  const manage = preferencesUrlFor(TOKEN);
  const { html, textFooter } = mailLayout({ title: subject, rows, manage, siteTitle, siteUrl });
  const textPart = partWithSlot('text/plain', [...text, ...textFooter].join('\n'), TOKEN);
  const htmlPart = partWithSlot('text/html', html, TOKEN);
  return (subscriber) => {
    const token = subscriberToken(subscriber.id);
    return {
      to: [subscriber.email],
      subject,
      parts: [textPart(token), htmlPart(token)],
      headers: unsubscribeHeaders(token),
    };
  };
}

/** One story as its followers' mails (images at the site's absolute address), with a plain text part. */
export function storyMails(story: Story, options: StoryMailOptions): (to: Subscriber) => Mail {
  const { siteUrl, fullText } = options;
  const { story: words } = subscriberMessages;
  const body = fullText ? withAbsoluteUrls(story.bodyHtml, siteUrl) : `<p>${escape(story.excerpt)}</p>`;
  const cover = story.coverImage
    ? `<tr><td style="padding:0 0 16px"><img src="${escape(absolute(story.coverImage, siteUrl))}" alt="${escape(story.coverAlt)}" width="600" style="display:block;width:100%;max-width:600px;height:auto;border:0"></td></tr>`
    : '';
  const rows = `${cover}
<tr><td style="padding:0 0 8px;font-size:28px;line-height:1.2;font-weight:bold"><a href="${escape(story.url)}" style="color:#1a1a1a;text-decoration:none">${escape(story.title)}</a></td></tr>
<tr><td style="padding:0 0 16px;font-size:14px;color:#555555">By ${escape(story.author)}</td></tr>
<tr><td style="font-size:17px;line-height:1.6">${body}</td></tr>
<tr><td style="padding:24px 0 0"><a href="${escape(story.url)}" style="display:inline-block;padding:10px 18px;background:#8b1a1a;color:#ffffff;font-family:Arial,sans-serif;font-weight:bold;text-decoration:none;border-radius:4px">${escape(words.readOn)}</a></td></tr>`;
  const text = [
    story.title,
    `By ${story.author}`,
    '',
    fullText ? htmlToText(story.bodyHtml) : story.excerpt,
    '',
    `${words.readOn}: ${story.url}`,
    '',
  ];
  return mailsFor(story.title, rows, text, options);
}

/** The daily digest: the day's stories, each its title, byline, excerpt and link, in the same layout. */
export function digestMail(stories: Story[], subscriber: Subscriber, options: StoryMailOptions): Mail {
  const subject = subscriberMessages.digest.subject(options.siteTitle);
  const rows = stories
    .map(
      (story) =>
        `<tr><td style="padding:0 0 20px"><a href="${escape(story.url)}" style="font-size:22px;font-weight:bold;color:#1a1a1a;text-decoration:none">${escape(story.title)}</a><div style="font-size:14px;color:#555555;padding:4px 0">By ${escape(story.author)}</div><div style="font-size:16px;line-height:1.5">${escape(story.excerpt)}</div></td></tr>`,
    )
    .join('');
  const text = [
    subject,
    '',
    ...stories.flatMap((story) => [story.title, `By ${story.author}`, story.excerpt, story.url, '']),
  ];
  return mailsFor(subject, rows, text, options)(subscriber);
}
