import { z } from 'zod';
import {
  adPlacement,
  adRequestStatus,
  adStatus,
  commentsMode,
  commentStatus,
  mailFrequency,
  moderationMode,
  pageStatus,
  postStatus,
  redirectSource,
  replyFollowerStatus,
  subscriberSource,
  subscriberStatus,
  userRole,
} from '@/db/schema';

/**
 * The shape of our own export archive (lib/export/archive.ts), checked part by part when it is read back: an archive
 * is a file anyone could have edited. A change to the shape raises ARCHIVE_VERSION; a restore refuses a version it
 * does not know. Ids are the exporting site's, used only to link the parts together: a restore gives new ones.
 */
export const ARCHIVE_FORMAT = 'broadsheet-archive';
export const ARCHIVE_VERSION = 1;

const instant = z.iso.datetime({ offset: true }).transform((value) => new Date(value));
const day = z.iso.date();
const id = z.number().int().positive();
const uuid = z.uuid();

export const manifestSchema = z.object({
  format: z.literal(ARCHIVE_FORMAT),
  version: z.literal(ARCHIVE_VERSION),
  exportedAt: instant,
  siteUrl: z.string(),
  /** Where the exporting site's uploads were addressed (`/uploads/`, or its S3_PUBLIC_URL): bodies link there. */
  uploadsUrl: z.string(),
});

export const settingsSchema = z.object({
  title: z.string(),
  description: z.string(),
  themeCredit: z.string(),
  postsPerPage: z.number().int(),
  timeZone: z.string(),
  moderationMode: z.enum(moderationMode.enumValues),
  commentsCloseAfterDays: z.number().int().nullable(),
  maxLinks: z.number().int(),
  suspectWords: z.string(),
  blockedWords: z.string(),
  requireEmail: z.boolean(),
  minSubmitSeconds: z.number().int(),
  maxReplyDepth: z.number().int(),
  feedFullText: z.boolean(),
  adsTxt: z.string(),
  requireTwoFactor: z.boolean(),
  menu: z.unknown(),
  mailFullText: z.boolean(),
});

/** People carry no password hash, second factor or sessions: a restored account signs in after a reset. */
export const personSchema = z.object({
  id: uuid,
  email: z.string(),
  name: z.string(),
  slug: z.string(),
  bio: z.string(),
  image: z.string().nullable(),
  role: z.enum(userRole.enumValues),
  deactivatedAt: instant.nullable(),
  createdAt: instant,
});

export const labelSchema = z.object({ id, name: z.string(), slug: z.string() });

const revision = z.object({ title: z.string(), bodyHtml: z.string(), savedBy: uuid.nullable(), createdAt: instant });

export const postSchema = z.object({
  id,
  title: z.string(),
  slug: z.string(),
  excerpt: z.string(),
  bodyHtml: z.string(),
  coverImage: z.string().nullable(),
  coverAlt: z.string(),
  status: z.enum(postStatus.enumValues),
  publishedAt: instant.nullable(),
  publishError: z.string().nullable(),
  deletedAt: instant.nullable(),
  emailFollowers: z.boolean(),
  emailQueuedAt: instant.nullable(),
  commentsMode: z.enum(commentsMode.enumValues),
  authorId: uuid,
  createdAt: instant,
  updatedAt: instant,
  labelIds: z.array(id),
  revisions: z.array(revision.extend({ excerpt: z.string() })),
});

export const pageSchema = z.object({
  id,
  title: z.string(),
  slug: z.string(),
  bodyHtml: z.string(),
  status: z.enum(pageStatus.enumValues),
  authorId: uuid.nullable(),
  publishedAt: instant.nullable(),
  createdAt: instant,
  updatedAt: instant,
  revisions: z.array(revision),
});

export const commentSchema = z.object({
  id,
  postId: id,
  parentId: id.nullable(),
  replyToId: id.nullable().default(null),
  authorName: z.string(),
  authorEmail: z.string().nullable(),
  authorUserId: uuid.nullable(),
  reason: z.string().nullable(),
  body: z.string(),
  status: z.enum(commentStatus.enumValues),
  // Archives written before reply mail have no such field: nobody had asked.
  notifyReplies: z.boolean().default(false),
  createdAt: instant,
});

export const redirectSchema = z.object({
  fromPath: z.string(),
  toPath: z.string(),
  source: z.enum(redirectSource.enumValues),
  createdAt: instant,
  updatedAt: instant,
});

export const adSlotSchema = z.object({
  id,
  key: z.string(),
  name: z.string(),
  placement: z.enum(adPlacement.enumValues),
  width: z.number().int(),
  height: z.number().int(),
  position: z.number().int(),
  afterParagraph: z.number().int(),
  labelId: id.nullable(),
  pricePerWeekCents: z.number().int(),
});

export const adSchema = z.object({
  id,
  slotId: id,
  advertiser: z.string(),
  imageUrl: z.string(),
  altText: z.string(),
  headline: z.string(),
  targetUrl: z.string(),
  startsAt: instant,
  endsAt: instant.nullable(),
  weight: z.number().int(),
  status: z.enum(adStatus.enumValues),
  /** Kept, so that advertisers' report links go on working. */
  reportToken: uuid,
  createdAt: instant,
});

export const adDaySchema = z.object({
  adId: id,
  day,
  impressions: z.number().int(),
  servedImpressions: z.number().int(),
  clicks: z.number().int(),
});

export const adRequestSchema = z.object({
  company: z.string(),
  email: z.string(),
  slotId: id,
  startDate: day,
  weeks: z.number().int(),
  message: z.string(),
  creativeUrl: z.string().nullable(),
  status: z.enum(adRequestStatus.enumValues),
  adId: id.nullable(),
  createdAt: instant,
});

/** Followers; a pending one's confirmation link is not carried (only its hash is stored), so it must subscribe again. */
export const subscriberSchema = z.object({
  email: z.string(),
  status: z.enum(subscriberStatus.enumValues),
  wholeSite: z.boolean(),
  frequency: z.enum(mailFrequency.enumValues),
  permanentFailures: z.number().int(),
  source: z.enum(subscriberSource.enumValues),
  createdAt: instant,
  confirmedAt: instant.nullable(),
  labelIds: z.array(id),
});

/** Commenters the moderators blocked: by email, or by network (a hash that only a site with the same AUTH_SECRET matches). */
export const blockedCommenterSchema = z.object({
  kind: z.enum(['email', 'ip']),
  value: z.string(),
  createdBy: uuid.nullable(),
  createdAt: instant,
});

/** Addresses that asked for replies by email; a pending one's link is not carried, as for followers. */
export const replyFollowerSchema = z.object({
  email: z.string(),
  status: z.enum(replyFollowerStatus.enumValues),
  createdAt: instant,
  confirmedAt: instant.nullable(),
});

/**
 * The archive's parts in the order they are written and must be restored (each refers only to parts before it):
 * one `NAME.json` each for the manifest and settings, `NAME/000001.json`… batches of rows for the rest, then the
 * media files under `media/KEY`.
 */
export const partSchemas = {
  people: personSchema,
  labels: labelSchema,
  posts: postSchema,
  pages: pageSchema,
  comments: commentSchema,
  'blocked-commenters': blockedCommenterSchema,
  redirects: redirectSchema,
  'ad-slots': adSlotSchema,
  ads: adSchema,
  'ad-days': adDaySchema,
  'ad-requests': adRequestSchema,
  subscribers: subscriberSchema,
  'reply-followers': replyFollowerSchema,
} as const;
export type PartName = keyof typeof partSchemas;
export type PartRow<P extends PartName> = z.infer<(typeof partSchemas)[P]>;
export type PartInput<P extends PartName> = z.input<(typeof partSchemas)[P]>;
