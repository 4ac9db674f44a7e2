import type { EditablePost } from '@/db/queries/dashboard-posts';
import type { CommentsMode, PostStatus } from './messages';

/** A post as the editor's form holds it. */
export type EditorPost = {
  id?: number;
  title: string;
  slug: string;
  excerpt: string;
  labels: string;
  body: string;
  coverImage: string | null;
  coverAlt: string;
  status: PostStatus;
  scheduleAt: string;
  commentsMode: CommentsMode;
  /** "Email to followers": publishing mails the post to its followers (on by default, off for corrections). */
  emailFollowers: boolean;
};

/** The editor's view of a stored post: labels as one comma list, the schedule as a datetime-local value (UTC). */
export function toEditorPost(post: EditablePost): EditorPost {
  return {
    id: post.id,
    title: post.title,
    slug: post.slug,
    excerpt: post.excerpt,
    labels: post.labels.join(', '),
    body: post.bodyHtml,
    coverImage: post.coverImage,
    coverAlt: post.coverAlt,
    status: post.status,
    scheduleAt: post.status === 'scheduled' && post.publishedAt ? post.publishedAt.toISOString().slice(0, 19) : '',
    commentsMode: post.commentsMode,
    emailFollowers: post.emailFollowers,
  };
}

export const emptyEditorPost: EditorPost = {
  title: '',
  slug: '',
  excerpt: '',
  labels: '',
  body: '',
  coverImage: null,
  coverAlt: '',
  status: 'draft',
  scheduleAt: '',
  commentsMode: 'site',
  emailFollowers: true,
};
