import type { FormState } from '@/lib/form-state';

/** Where the comment form posts, with JavaScript or without (lib/comments/endpoint.ts). */
export const commentsPath = '/api/comments';

/**
 * What the endpoint answers the form's own request (it asks for JSON): the outcome, with a fresh stamp; `published`
 * when the comment is on the article now, for the page to show it.
 */
export type CommentFormState = FormState & {
  token?: string;
  published?: boolean;
  /** Where a published comment is read (lib/comments/comment-address.ts). */
  address?: string;
};
