/**
 * Posts comment form fields to /api/comments as the form's script does (asking for JSON, from the site's own
 * origin): the answer's status and text, in which `"status":"ok"` means the comment was taken. Without `json` it is
 * a plain form post, answered with a redirect (not followed).
 */
export async function postComment(
  baseUrl: string,
  fields: Record<string, string>,
  { cookie, headers = {}, json = true }: { cookie?: string; headers?: Record<string, string>; json?: boolean } = {},
) {
  const response = await fetch(`${baseUrl}/api/comments`, {
    method: 'POST',
    redirect: 'manual',
    headers: {
      origin: new URL(baseUrl).origin,
      ...(json && { accept: 'application/json' }),
      ...(cookie && { cookie }),
      ...headers,
    },
    body: new URLSearchParams(fields),
  });
  return { status: response.status, text: await response.text(), headers: response.headers };
}
