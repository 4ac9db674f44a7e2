import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  customType,
  date,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  type AnyPgColumn,
} from 'drizzle-orm/pg-core';

const timestamptz = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

export const userRole = pgEnum('user_role', ['admin', 'editor', 'author', 'contributor', 'moderator']);
export const postStatus = pgEnum('post_status', ['draft', 'review', 'scheduled', 'published']);
export const commentStatus = pgEnum('comment_status', ['pending', 'approved', 'rejected', 'spam']);
export const moderationMode = pgEnum('moderation_mode', ['hold_all', 'hold_first', 'approve']);
export const commentsMode = pgEnum('comments_mode', ['site', 'hold_all', 'hold_first', 'approve', 'closed']);
export const moderationAction = pgEnum('moderation_action', [
  'approve',
  'reject',
  'spam',
  'restore',
  'delete',
  'block_email',
  'block_ip',
]);
export const adPlacement = pgEnum('ad_placement', ['sidebar', 'header', 'in_article', 'footer']);
export const adStatus = pgEnum('ad_status', ['active', 'paused']);

export const users = pgTable('users', {
  id: uuid('id').primaryKey().defaultRandom(),
  email: text('email').notNull().unique(),
  name: text('name').notNull(),
  slug: text('slug').notNull().unique(),
  bio: text('bio').notNull().default(''),
  image: text('image'),
  role: userRole('role').notNull().default('contributor'),
  passwordHash: text('password_hash'),
  emailVerified: timestamptz('email_verified'),
  // Set when an admin deactivates someone: their session stops working on the next request.
  deactivatedAt: timestamptz('deactivated_at'),
  // Set when the password is reset: sessions signed in before it stop working (a reset may follow a stolen one).
  sessionsValidFrom: timestamptz('sessions_valid_from'),
  // Two-factor sign-in (lib/auth/two-factor.ts). Secrets are AES-GCM ciphertexts (lib/auth/secret-box.ts), never
  // the base32 an app was given: the pending one while the person sets it up, the other once it is on.
  totpPendingSecret: text('totp_pending_secret'),
  totpSecret: text('totp_secret'),
  totpEnabledAt: timestamptz('totp_enabled_at'),
  // The time step of the last code accepted: a code is good once, even within its 30 seconds.
  totpLastStep: integer('totp_last_step'),
  createdAt: timestamptz('created_at').notNull().defaultNow(),
});

// One-time codes for signing in without the authenticator app: an HMAC of each (lib/auth/recovery-codes.ts), deleted
// when it is used.
export const recoveryCodes = pgTable(
  'recovery_codes',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    codeHash: text('code_hash').notNull(),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.codeHash] })],
);

export const accountAction = pgEnum('account_action', [
  'two_factor_on',
  'two_factor_off',
  'two_factor_reset',
  'recovery_codes_replaced',
]);

/** Changes to how people sign in: who did what to whose account, and when (shown on the People page). */
export const accountLog = pgTable(
  'account_log',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    actorId: uuid('actor_id').references(() => users.id, { onDelete: 'set null' }),
    personId: uuid('person_id').references(() => users.id, { onDelete: 'set null' }),
    action: accountAction('action').notNull(),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
  },
  (t) => [index('account_log_created_idx').on(t.createdAt)],
);

// Links to set a new password: only a hash of each token is kept, so a copy of the database cannot use them.
export const passwordResets = pgTable(
  'password_resets',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    expiresAt: timestamptz('expires_at').notNull(),
  },
  (table) => [index('password_resets_user_idx').on(table.userId)],
);

// The three tables Auth.js's Drizzle adapter expects beside users. Sign-in today is email and password with
// JWT sessions, so they stay empty until an OAuth or email-link provider is added.
export const accounts = pgTable(
  'accounts',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    type: text('type').$type<'oauth' | 'oidc' | 'email' | 'webauthn'>().notNull(),
    provider: text('provider').notNull(),
    providerAccountId: text('provider_account_id').notNull(),
    refresh_token: text('refresh_token'),
    access_token: text('access_token'),
    expires_at: integer('expires_at'),
    token_type: text('token_type'),
    scope: text('scope'),
    id_token: text('id_token'),
    session_state: text('session_state'),
  },
  (t) => [primaryKey({ columns: [t.provider, t.providerAccountId] })],
);

export const sessions = pgTable('sessions', {
  sessionToken: text('session_token').primaryKey(),
  userId: uuid('user_id')
    .notNull()
    .references(() => users.id, { onDelete: 'cascade' }),
  expires: timestamp('expires', { withTimezone: true, mode: 'date' }).notNull(),
});

export const verificationTokens = pgTable(
  'verification_tokens',
  {
    identifier: text('identifier').notNull(),
    token: text('token').notNull(),
    expires: timestamp('expires', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.identifier, t.token] })],
);

/** Events counted by lib/rate-limit (failed sign-ins, comments...), kept in the database so limits hold across restarts and instances. */
export const rateLimitEvents = pgTable(
  'rate_limit_events',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    bucket: text('bucket').notNull(),
    key: text('key').notNull(),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
  },
  (t) => [index('rate_limit_events_lookup_idx').on(t.bucket, t.key, t.createdAt)],
);

export const posts = pgTable(
  'posts',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    title: text('title').notNull(),
    slug: text('slug').notNull().unique(),
    excerpt: text('excerpt').notNull().default(''),
    // Sanitized on the way in (lib/sanitize), so pages render it as is.
    bodyHtml: text('body_html').notNull().default(''),
    coverImage: text('cover_image'),
    coverAlt: text('cover_alt').notNull().default(''),
    status: postStatus('status').notNull().default('draft'),
    // For a scheduled post, when it goes live.
    publishedAt: timestamptz('published_at'),
    // Why the scheduler could not publish it, shown on the post in the dashboard.
    publishError: text('publish_error'),
    // Part of every preview link's signature: a new secret revokes the links handed out before.
    previewSecret: uuid('preview_secret').notNull().defaultRandom(),
    // In the trash since then; emptied after 30 days.
    deletedAt: timestamptz('deleted_at'),
    // "Email to followers" (lib/subscribers): whether publishing it mails its followers; off for corrections.
    emailFollowers: boolean('email_followers').notNull().default(true),
    // When its mailing was queued: set once, at first publication, so updates and republishing never send again.
    emailQueuedAt: timestamptz('email_queued_at'),
    // 'site' follows the site's moderation setting; the others override it for this post.
    commentsMode: commentsMode('comments_mode').notNull().default('site'),
    authorId: uuid('author_id')
      .notNull()
      .references(() => users.id),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
    updatedAt: timestamptz('updated_at').notNull().defaultNow(),
    // The words of the title, excerpt and body for reader search, stemmed as English. The body's tags and entities
    // are the parser's 'tag' and 'entity' tokens, which the english configuration does not index.
    searchWords: tsvector('search_words')
      .notNull()
      .generatedAlwaysAs(sql`to_tsvector('english'::regconfig, title || ' ' || excerpt || ' ' || body_html)`),
  },
  (t) => [
    // Search reads live posts only, so its index holds only those.
    index('posts_search_idx')
      .using('gin', t.searchWords)
      .where(sql`${t.status} = 'published' and ${t.deletedAt} is null`),
    // Every reader query asks for live posts (published, not in the trash) by date: partial indexes of exactly
    // those keep them small, and let a deep page (/page/900) skip its offset inside the index, without reading
    // the rows it skips. NULLS FIRST is what a plain `order by published_at desc, id desc` means: with any other
    // null order the planner cannot read the index in order, and sorts every published post to find the newest.
    index('posts_published_idx')
      .on(t.publishedAt.desc().nullsFirst(), t.id.desc().nullsFirst())
      .where(sql`${t.status} = 'published' and ${t.deletedAt} is null`),
    index('posts_dashboard_idx').on(t.status, t.updatedAt.desc()),
    index('posts_scheduled_due_idx')
      .on(t.publishedAt)
      .where(sql`${t.status} = 'scheduled'`),
    index('posts_author_published_idx')
      .on(t.authorId, t.publishedAt.desc().nullsFirst(), t.id.desc().nullsFirst())
      .where(sql`${t.status} = 'published' and ${t.deletedAt} is null`),
  ],
);

/** The version of a post before each save that changed it. */
export const postRevisions = pgTable(
  'post_revisions',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    postId: integer('post_id')
      .notNull()
      .references(() => posts.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    excerpt: text('excerpt').notNull(),
    bodyHtml: text('body_html').notNull(),
    savedBy: uuid('saved_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
  },
  (t) => [index('post_revisions_post_idx').on(t.postId, t.createdAt)],
);

/**
 * A page outside the stream of news (About, Contact, Corrections policy) at /p/SLUG: never on the home page, in
 * archives or feeds; in the sitemap. Its body is sanitized on the way in, as a post's is.
 */
export const pageStatus = pgEnum('page_status', ['draft', 'published']);
export const pages = pgTable('pages', {
  id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
  title: text('title').notNull(),
  slug: text('slug').notNull().unique(),
  bodyHtml: text('body_html').notNull().default(''),
  status: pageStatus('status').notNull().default('draft'),
  authorId: uuid('author_id').references(() => users.id, { onDelete: 'set null' }),
  publishedAt: timestamptz('published_at'),
  createdAt: timestamptz('created_at').notNull().defaultNow(),
  updatedAt: timestamptz('updated_at').notNull().defaultNow(),
});

/** The version of a published page before each save that changed it. */
export const pageRevisions = pgTable(
  'page_revisions',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    pageId: integer('page_id')
      .notNull()
      .references(() => pages.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    bodyHtml: text('body_html').notNull(),
    savedBy: uuid('saved_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
  },
  (t) => [index('page_revisions_page_idx').on(t.pageId, t.createdAt)],
);

/** Who made a redirect: a person in the dashboard, a post's slug or month changing, or an import. */
export const redirectSource = pgEnum('redirect_source', ['manual', 'slug_change', 'import']);

/**
 * An old address that answers 301 with a new one. Looked up only on the way to a 404 (lib/redirects), so cached
 * pages pay nothing. `fromPath` is a path with its query, normalised by lib/redirects (e.g. `/2018/10/a.html`,
 * `/?p=12`); `toPath` a path on this site or an absolute URL.
 */
export const redirects = pgTable(
  'redirects',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    fromPath: text('from_path').notNull().unique(),
    toPath: text('to_path').notNull(),
    source: redirectSource('source').notNull().default('manual'),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
    updatedAt: timestamptz('updated_at').notNull().defaultNow(),
  },
  // saveRedirects looks up the redirects that point at a path it is about to redirect (to shorten chains).
  (table) => [index('redirects_to_path_idx').on(table.toPath)],
);

export const labels = pgTable('labels', {
  id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
  name: text('name').notNull().unique(),
  slug: text('slug').notNull().unique(),
});

export const postLabels = pgTable(
  'post_labels',
  {
    postId: integer('post_id')
      .notNull()
      .references(() => posts.id, { onDelete: 'cascade' }),
    labelId: integer('label_id')
      .notNull()
      .references(() => labels.id, { onDelete: 'cascade' }),
    /**
     * The post's published_at while it is live (published, not in the trash), null otherwise: a copy kept by
     * triggers (drizzle/0010_post_labels_live.sql), so that a label's page reads its ids in date order from
     * one index instead of gathering every post of the label and sorting them.
     */
    livePublishedAt: timestamptz('live_published_at'),
  },
  (t) => [
    primaryKey({ columns: [t.postId, t.labelId] }),
    index('post_labels_label_idx').on(t.labelId, t.postId),
    index('post_labels_live_idx')
      .on(t.labelId, t.livePublishedAt.desc().nullsFirst(), t.postId.desc().nullsFirst())
      .where(sql`${t.livePublishedAt} is not null`),
  ],
);

export const comments = pgTable(
  'comments',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    postId: integer('post_id')
      .notNull()
      .references(() => posts.id, { onDelete: 'cascade' }),
    parentId: integer('parent_id').references((): AnyPgColumn => comments.id, { onDelete: 'cascade' }),
    // The comment the reader answered. The same as parent_id but at the deepest level, where a reply is shown beside
    // the one it answers (lib/comments/thread.ts) and the reply mail must still go to that one's author.
    replyToId: integer('reply_to_id').references((): AnyPgColumn => comments.id, { onDelete: 'set null' }),
    authorName: text('author_name').notNull(),
    authorEmail: text('author_email'),
    // Set when a signed-in member of staff wrote it: shown with a staff mark.
    authorUserId: uuid('author_user_id').references(() => users.id, { onDelete: 'set null' }),
    // Salted, daily-rotating hash: enough to block or rate-limit, never the address itself.
    ipHash: text('ip_hash'),
    // Why a rule held or rejected it, shown to moderators.
    reason: text('reason'),
    // Plain text: never interpreted as HTML (lib/comments/format.ts finds its links, components/site/comment-list.tsx
    // renders them and the text, escaped by React).
    body: text('body').notNull(),
    status: commentStatus('status').notNull().default('pending'),
    // "Email me replies": approved replies to it are mailed to author_email, once that address is confirmed
    // (reply_followers, lib/comments/reply-mail.ts).
    notifyReplies: boolean('notify_replies').notNull().default(false),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
  },
  (t) => [
    index('comments_approved_post_idx')
      .on(t.postId, t.createdAt)
      .where(sql`${t.status} = 'approved'`),
    index('comments_status_idx').on(t.status, t.createdAt),
    index('comments_email_idx').on(t.authorEmail, t.status),
    // The duplicate check of each comment submitted (db/queries/comment-checks.ts) looks for the same text from the
    // same network or email: without it, a scan of every comment of the day, each one's body lowered and trimmed.
    index('comments_ip_idx').on(t.ipHash, t.createdAt),
    // And the same text on the post, found by its hash: a regular (or a staff member) on a busy day otherwise has
    // every comment of theirs on the post lowered and compared (a hash, because a body may exceed a btree entry).
    index('comments_duplicate_idx').on(t.postId, sql`md5(lower(trim(${t.body})))`),
  ],
);

/**
 * A comment sent without JavaScript that could not be taken (invalid, too fast, refused by a rule): kept for an
 * hour under an unguessable id, so the reader lands on a page that says why and still has every word typed.
 */
export const commentDrafts = pgTable('comment_drafts', {
  id: uuid('id').primaryKey().defaultRandom(),
  postId: integer('post_id')
    .notNull()
    .references(() => posts.id, { onDelete: 'cascade' }),
  message: text('message').notNull(),
  fieldErrors: jsonb('field_errors').$type<Record<string, string>>().notNull().default({}),
  values: jsonb('values').$type<Record<string, string>>().notNull().default({}),
  createdAt: timestamptz('created_at').notNull().defaultNow(),
});

/**
 * When moderators were last mailed about held comments: they get at most one mail per few minutes, listing what
 * waits, however many comments arrive. In the database so the pace holds across instances.
 */
export const moderatorMail = pgTable('moderator_mail', {
  // One row per kind of mail (only 'held' today).
  kind: text('kind').primaryKey(),
  sentAt: timestamptz('sent_at').notNull(),
});

export const commentReports = pgTable(
  'comment_reports',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    commentId: integer('comment_id')
      .notNull()
      .references(() => comments.id, { onDelete: 'cascade' }),
    reason: text('reason').notNull().default(''),
    // Cleared when a moderator decides on the comment.
    resolvedAt: timestamptz('resolved_at'),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
  },
  (t) => [
    index('comment_reports_open_idx')
      .on(t.commentId)
      .where(sql`${t.resolvedAt} is null`),
  ],
);

/** Who decided what about which comment, when and why. */
export const moderationLog = pgTable(
  'moderation_log',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    commentId: integer('comment_id').references(() => comments.id, { onDelete: 'set null' }),
    actorId: uuid('actor_id').references(() => users.id, { onDelete: 'set null' }),
    action: moderationAction('action').notNull(),
    // The comment's status before a decision that changed it: what an undo puts back.
    previousStatus: commentStatus('previous_status'),
    detail: text('detail').notNull().default(''),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
  },
  (t) => [index('moderation_log_created_idx').on(t.createdAt)],
);

export const blockedCommenters = pgTable(
  'blocked_commenters',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    kind: text('kind').$type<'email' | 'ip'>().notNull(),
    value: text('value').notNull(),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('blocked_commenters_kind_value_idx').on(t.kind, t.value)],
);

export const adSlots = pgTable('ad_slots', {
  id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
  key: text('key').notNull().unique(),
  name: text('name').notNull(),
  placement: adPlacement('placement').notNull(),
  width: integer('width').notNull(),
  height: integer('height').notNull(),
  position: integer('position').notNull().default(0),
  // For in-article slots: the ad sits after this paragraph of the body (after the last one on shorter posts).
  afterParagraph: integer('after_paragraph').notNull().default(3),
  // Label targeting: when set, the slot shows only on articles carrying this label.
  labelId: integer('label_id').references(() => labels.id, { onDelete: 'set null' }),
  // Shown on /advertise.
  pricePerWeekCents: integer('price_per_week_cents').notNull().default(0),
});

export const adRequestStatus = pgEnum('ad_request_status', ['new', 'accepted', 'declined', 'scheduled']);

/** An advertiser's booking request from /advertise. */
export const adRequests = pgTable(
  'ad_requests',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    company: text('company').notNull(),
    email: text('email').notNull(),
    slotId: integer('slot_id')
      .notNull()
      .references(() => adSlots.id, { onDelete: 'cascade' }),
    startDate: date('start_date', { mode: 'string' }).notNull(),
    weeks: integer('weeks').notNull(),
    message: text('message').notNull().default(''),
    creativeUrl: text('creative_url'),
    status: adRequestStatus('status').notNull().default('new'),
    adId: integer('ad_id').references((): AnyPgColumn => ads.id, { onDelete: 'set null' }),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
  },
  (t) => [index('ad_requests_status_idx').on(t.status, t.createdAt)],
);

export const ads = pgTable(
  'ads',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    slotId: integer('slot_id')
      .notNull()
      .references(() => adSlots.id, { onDelete: 'cascade' }),
    advertiser: text('advertiser').notNull(),
    imageUrl: text('image_url').notNull(),
    altText: text('alt_text').notNull(),
    headline: text('headline').notNull(),
    targetUrl: text('target_url').notNull(),
    startsAt: timestamptz('starts_at').notNull().defaultNow(),
    endsAt: timestamptz('ends_at'),
    weight: integer('weight').notNull().default(1),
    status: adStatus('status').notNull().default('active'),
    // The advertiser's private report link: /ads/report/TOKEN. Random, so it cannot be guessed from the ad id.
    reportToken: uuid('report_token').notNull().unique().defaultRandom(),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
  },
  (t) => [
    index('ads_slot_status_idx').on(t.slotId, t.status),
    check('ads_weight_range', sql`${t.weight} between 1 and 100`),
  ],
);

/** Per ad per day: one row upserted by every counted event, so a busy page writes little. */
export const adDailyStats = pgTable(
  'ad_daily_stats',
  {
    adId: integer('ad_id')
      .notNull()
      .references(() => ads.id, { onDelete: 'cascade' }),
    day: date('day', { mode: 'string' }).notNull(),
    // Seen: at least half the ad in view for a second (the browser reports it).
    impressions: integer('impressions').notNull().default(0),
    // Served without JavaScript: the ad's lazy pixel loaded, which says less than "seen".
    servedImpressions: integer('served_impressions').notNull().default(0),
    clicks: integer('clicks').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.adId, t.day] })],
);

/** When a visitor (a hash that changes daily, never an IP) last counted for an ad: repeats within 30 minutes do not count. */
export const adViews = pgTable(
  'ad_views',
  {
    adId: integer('ad_id')
      .notNull()
      .references(() => ads.id, { onDelete: 'cascade' }),
    visitor: text('visitor').notNull(),
    seenAt: timestamptz('seen_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.adId, t.visitor] }), index('ad_views_seen_idx').on(t.seenAt)],
);

export const siteSettings = pgTable(
  'site_settings',
  {
    // A single row: the site's own settings.
    id: integer('id').primaryKey().default(1),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    themeCredit: text('theme_credit').notNull().default(''),
    postsPerPage: integer('posts_per_page').notNull().default(10),
    timeZone: text('time_zone').notNull().default('UTC'),
    moderationMode: moderationMode('moderation_mode').notNull().default('hold_first'),
    // Comments close this many days after publication; null keeps them open.
    commentsCloseAfterDays: integer('comments_close_after_days'),
    maxLinks: integer('max_links').notNull().default(2),
    // One word or phrase per line.
    suspectWords: text('suspect_words').notNull().default(''),
    blockedWords: text('blocked_words').notNull().default(''),
    requireEmail: boolean('require_email').notNull().default(false),
    minSubmitSeconds: integer('min_submit_seconds').notNull().default(3),
    // How deep replies nest (1 = no replies); a reply to the deepest level joins it (as WordPress does).
    maxReplyDepth: integer('max_reply_depth').notNull().default(5),
    // Feeds carry each post whole (as Blogger, WordPress and Ghost do by default), or only its excerpt.
    feedFullText: boolean('feed_full_text').notNull().default(true),
    // Served as /ads.txt (the IAB list of sellers authorised to sell this site's ad space).
    adsTxt: text('ads_txt').notNull().default(''),
    // Admins and editors without two-factor sign-in are sent to set it up, and can do nothing else until they have.
    requireTwoFactor: boolean('require_two_factor').notNull().default(false),
    // The header menu's entries in order (lib/settings/menu.ts checks them when read); null: the default entries.
    menu: jsonb('menu'),
    // Story mails carry the whole post, or only its excerpt with a link to read on.
    mailFullText: boolean('mail_full_text').notNull().default(false),
    updatedAt: timestamptz('updated_at').notNull().defaultNow(),
  },
  (t) => [
    check('site_settings_single_row', sql`${t.id} = 1`),
    check('site_settings_posts_per_page', sql`${t.postsPerPage} between 1 and 100`),
    check('site_settings_max_reply_depth', sql`${t.maxReplyDepth} between 1 and 10`),
  ],
);

export const subscriberStatus = pgEnum('subscriber_status', ['pending', 'confirmed', 'unsubscribed', 'bouncing']);
export const subscriberSource = pgEnum('subscriber_source', ['widget', 'import', 'comment']);
export const mailFrequency = pgEnum('mail_frequency', ['each', 'daily']);
export const sendStatus = pgEnum('send_status', ['claimed', 'sent', 'deferred', 'failed']);

/**
 * A reader who follows the site or some labels by email (lib/subscribers). Only confirmed addresses receive
 * stories; the confirmation link's token is kept only as a hash. "Forget me" deletes the row (and its sends).
 */
export const subscribers = pgTable(
  'subscribers',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    email: text('email').notNull().unique(),
    status: subscriberStatus('status').notNull().default('pending'),
    // Follows every story; otherwise only those of its labels (subscriber_labels).
    wholeSite: boolean('whole_site').notNull().default(true),
    frequency: mailFrequency('frequency').notNull().default('each'),
    // Permanent (5xx) failures in a row: three make the address bouncing, and it is skipped.
    permanentFailures: integer('permanent_failures').notNull().default(0),
    confirmTokenHash: text('confirm_token_hash').unique(),
    confirmExpiresAt: timestamptz('confirm_expires_at'),
    source: subscriberSource('source').notNull().default('widget'),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
    confirmedAt: timestamptz('confirmed_at'),
  },
  (t) => [
    // Addresses are compared lower-cased: one row per mailbox however it was typed.
    check('subscribers_email_lower', sql`${t.email} = lower(${t.email})`),
    index('subscribers_status_idx').on(t.status),
  ],
);

/** The labels a subscriber follows (beside, or instead of, the whole site). */
export const subscriberLabels = pgTable(
  'subscriber_labels',
  {
    subscriberId: integer('subscriber_id')
      .notNull()
      .references(() => subscribers.id, { onDelete: 'cascade' }),
    labelId: integer('label_id')
      .notNull()
      .references(() => labels.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.subscriberId, t.labelId] }), index('subscriber_labels_label_idx').on(t.labelId)],
);

/**
 * One row per story per subscriber, claimed before its mail is sent: the primary key is what makes "exactly once
 * per address per story" hold across restarts and instances. A row left 'claimed' by a killed server is never sent
 * again by the job (it may have gone out); the dashboard counts it as unknown and "Resend to failed" can retry it.
 */
export const postSends = pgTable(
  'post_sends',
  {
    postId: integer('post_id')
      .notNull()
      .references(() => posts.id, { onDelete: 'cascade' }),
    subscriberId: integer('subscriber_id')
      .notNull()
      .references(() => subscribers.id, { onDelete: 'cascade' }),
    status: sendStatus('status').notNull().default('claimed'),
    attempts: integer('attempts').notNull().default(0),
    // The mail server's answer to the last failed attempt.
    error: text('error'),
    claimedAt: timestamptz('claimed_at').notNull().defaultNow(),
    sentAt: timestamptz('sent_at'),
  },
  (t) => [primaryKey({ columns: [t.postId, t.subscriberId] }), index('post_sends_status_idx').on(t.postId, t.status)],
);

export const replyFollowerStatus = pgEnum('reply_follower_status', ['pending', 'confirmed', 'unsubscribed']);

/**
 * An address that asked for mail about replies to its comments ("Email me replies"), confirmed once like a
 * subscription: later comments that tick the box need no new confirmation. Its unsubscribe stops every reply mail
 * to the address. Kept apart from subscribers: replies are not stories, and asking for one is not following the
 * site.
 */
export const replyFollowers = pgTable(
  'reply_followers',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    email: text('email').notNull().unique(),
    status: replyFollowerStatus('status').notNull().default('pending'),
    confirmTokenHash: text('confirm_token_hash').unique(),
    confirmExpiresAt: timestamptz('confirm_expires_at'),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
    confirmedAt: timestamptz('confirmed_at'),
  },
  (t) => [check('reply_followers_email_lower', sql`${t.email} = lower(${t.email})`)],
);

/**
 * One row per approved reply whose parent's author asked for replies, claimed before the mail goes: the primary key
 * makes "exactly once per reply" hold across retries, undone and repeated approvals, restarts and instances.
 */
export const replySends = pgTable('reply_sends', {
  replyId: integer('reply_id')
    .primaryKey()
    .references(() => comments.id, { onDelete: 'cascade' }),
  status: sendStatus('status').notNull().default('claimed'),
  attempts: integer('attempts').notNull().default(0),
  error: text('error'),
  claimedAt: timestamptz('claimed_at').notNull().defaultNow(),
  sentAt: timestamptz('sent_at'),
});

export type User = typeof users.$inferSelect;
export type Post = typeof posts.$inferSelect;
export type PostRevision = typeof postRevisions.$inferSelect;
export type Label = typeof labels.$inferSelect;
export type Page = typeof pages.$inferSelect;
export type Redirect = typeof redirects.$inferSelect;
export type Comment = typeof comments.$inferSelect;
export type AdSlot = typeof adSlots.$inferSelect;
export type Ad = typeof ads.$inferSelect;
export type CommentReport = typeof commentReports.$inferSelect;
export type SiteSettings = typeof siteSettings.$inferSelect;

/**
 * How far a background job has got, as its handler reports it (lib/jobs), for the dashboard to show. The job itself
 * lives in pg-boss's own `pgboss` schema; rows go with it when the sweep prunes old ones.
 */
export const jobProgress = pgTable('job_progress', {
  jobId: uuid('job_id').primaryKey(),
  done: integer('done').notNull().default(0),
  total: integer('total'),
  note: text('note').notNull().default(''),
  updatedAt: timestamptz('updated_at').notNull().defaultNow(),
});

/**
 * What each import made of each item of its source (lib/import): keyed by the source (a Blogger blog, a WordPress
 * site) and the item's own id there, so importing the same file again finds it and creates nothing twice.
 */
export const importItems = pgTable(
  'import_items',
  {
    sourceKey: text('source_key').notNull(),
    kind: text('kind').$type<'author' | 'label' | 'post' | 'page' | 'comment'>().notNull(),
    externalId: text('external_id').notNull(),
    // The id of the person, label, post, page or comment it became.
    entityId: text('entity_id').notNull(),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.sourceKey, t.kind, t.externalId] })],
);

export const importStatus = pgEnum('import_status', ['queued', 'running', 'done', 'failed', 'stopped']);

/** One import from the dashboard: its job, where it stands, and at the end its summary (counts, skips). */
export const imports = pgTable(
  'imports',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    jobId: uuid('job_id'),
    fileName: text('file_name').notNull(),
    status: importStatus('status').notNull().default('queued'),
    summary: jsonb('summary'),
    error: text('error'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
    finishedAt: timestamptz('finished_at'),
  },
  (t) => [index('imports_created_idx').on(t.createdAt)],
);

/**
 * A restore of our archive under way (lib/export/archive-restore.ts): written, in the transaction that finds the
 * site empty, before the restore's first part, and removed when it finishes or has been taken out again. A restore
 * that finds one left by a process that was killed first takes out what that process wrote, from what is kept here
 * of the empty site it started from.
 */
export const restoreInProgress = pgTable(
  'restore_in_progress',
  {
    id: integer('id').primaryKey().default(1),
    startedAt: timestamptz('started_at').notNull().defaultNow(),
    // The largest id of each table a restore writes, when it started: rows past them came with it.
    idsBefore: jsonb('ids_before').$type<Record<string, number>>().notNull(),
    // The people there were (they stay: a restore matches them by email).
    peopleBefore: jsonb('people_before').$type<string[]>().notNull(),
    // The settings row as it was (to_jsonb of it; null: there was none).
    settingsBefore: jsonb('settings_before'),
  },
  (t) => [check('restore_in_progress_single_row', sql`${t.id} = 1`)],
);
