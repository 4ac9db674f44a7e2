import { commentRoute } from '@/lib/comments/endpoint';
import { answerWebRequest } from '@/lib/request/front';

/**
 * The comment form's posts: once the server has started, lib/request/front.ts answers these before Next; this
 * route answers the ones that arrive while it starts.
 */
export async function POST(request: Request) {
  return answerWebRequest(commentRoute, request);
}
