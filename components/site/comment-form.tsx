'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { Field, inputClass } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { commentsPath, type CommentFormState } from '@/lib/comments/form-answer';
import { commentMessages } from '@/lib/comments/messages';
import { MAX_COMMENT_LENGTH, MAX_NAME_LENGTH } from '@/lib/comments/rules';

type Props = {
  postId: number;
  parentId?: number;
  token: string;
  requireEmail: boolean;
  /** Whether the site sends mail (SMTP_URL): without it there is no "Email me replies". */
  repliesByMail: boolean;
  initialState?: CommentFormState;
  draftId?: string;
};

type PageData = { token: string | null; staffName: string | null };
let shared: { at: number; data: Promise<PageData> } | undefined;

/**
 * A fresh stamp and the signed-in staff member's name, fetched once for all the comment forms on the page (an
 * article has one per comment, for replies): one request each per page view instead of two per form. Reused for
 * a minute, so a later client-side visit to another article fetches again.
 */
function pageData(): Promise<PageData> {
  if (!shared || Date.now() - shared.at > 60_000) {
    const token = fetch('/api/comments/token', { cache: 'no-store' })
      .then((response) => response.json())
      .then((data: { token: string }) => data.token)
      .catch(() => null);
    const staffName = fetch('/api/auth/session')
      .then((response) => response.json())
      .then((session: { user?: { name?: string } } | null) => session?.user?.name ?? null)
      .catch(() => null);
    shared = {
      at: Date.now(),
      data: Promise.all([token, staffName]).then(([t, name]) => ({ token: t, staffName: name })),
    };
  }
  return shared.data;
}

/** Posts the form as JSON's asker (the endpoint answers a plain form post with a redirect instead). */
async function send(form: HTMLFormElement): Promise<CommentFormState> {
  try {
    const response = await fetch(commentsPath, {
      method: 'POST',
      headers: { accept: 'application/json' },
      body: new URLSearchParams([...new FormData(form)].map(([name, value]) => [name, String(value)])),
    });
    if (response.ok) return (await response.json()) as CommentFormState;
  } catch {
    // Offline, or the answer was not ours: said below, with what was typed still in the form.
  }
  return { status: 'error', message: commentMessages.form.unsent };
}

/**
 * The comment form. A plain form post works without JavaScript; with it, the result shows in place, the form gets
 * a fresh "shown at" stamp, and signed-in staff comment as themselves.
 */
export function CommentForm({ postId, parentId, token, requireEmail, repliesByMail, initialState, draftId }: Props) {
  const router = useRouter();
  const [state, setState] = useState<CommentFormState>(initialState ?? { status: 'idle' });
  const [pending, setPending] = useState(false);
  // Counts comments taken: a new round starts the fields afresh.
  const [round, setRound] = useState(0);
  const [freshToken, setFreshToken] = useState<string | null>(null);
  const [staffName, setStaffName] = useState<string | null>(null);
  const honeypotId = useId();
  const values = state.values ?? {};
  const errors = state.fieldErrors ?? {};

  const formRef = useRef<HTMLFormElement>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setPending(true);
    const answer = await send(event.currentTarget);
    setPending(false);
    setState(answer);
    if (answer.status !== 'ok') return;
    setRound((taken) => taken + 1);
    // Its page was refreshed before the answer: show it with the comment, here or (a new thread written under older
    // comments) on the article.
    if (!answer.address) return;
    if (new URL(answer.address, window.location.href).pathname === window.location.pathname) router.refresh();
    else router.push(answer.address);
  }

  // Only once the form comes into view: the page itself is cached (by Next and by nginx), and most readers never
  // reach the comments, so fetching on load would send every page view to Node twice more. The stamp then also
  // says when the form was shown, as the no-JS stamp (/api/comments/seen, a lazy image beside it) does.
  useEffect(() => {
    let live = true;
    const observer = new IntersectionObserver((entries) => {
      if (!entries.some((entry) => entry.isIntersecting)) return;
      observer.disconnect();
      pageData().then((data) => {
        if (!live) return;
        setFreshToken(data.token);
        setStaffName(data.staffName);
      });
    });
    if (formRef.current) observer.observe(formRef.current);
    return () => {
      live = false;
      observer.disconnect();
    };
  }, []);

  return (
    <form
      key={round}
      ref={formRef}
      action={commentsPath}
      method="post"
      onSubmit={(event) => void submit(event)}
      className="space-y-4"
    >
      <FormMessage state={state} />
      <input type="hidden" name="postId" value={postId} />
      {parentId && <input type="hidden" name="parentId" value={parentId} />}
      {draftId && <input type="hidden" name="draftId" value={draftId} />}
      <input type="hidden" name="token" value={state.token ?? freshToken ?? token} />
      {/* Invisible to people and to screen readers: only bots fill it in. */}
      <div aria-hidden="true" className="absolute -left-[9999px] h-px w-px overflow-hidden">
        <label htmlFor={honeypotId}>Website</label>
        <input id={honeypotId} name="website" type="text" tabIndex={-1} autoComplete="off" defaultValue="" />
      </div>
      {staffName ? (
        <p className="text-sm">
          Commenting as <strong>{staffName}</strong> (staff).
        </p>
      ) : (
        <div className="grid gap-4 sm:grid-cols-2">
          <Field
            label="Name"
            name="name"
            required
            maxLength={MAX_NAME_LENGTH}
            autoComplete="name"
            defaultValue={values.name}
            error={errors.name}
          />
          <Field
            label="Email"
            name="email"
            type="email"
            required={requireEmail}
            autoComplete="email"
            defaultValue={values.email}
            error={errors.email}
            hint={requireEmail ? 'Never shown.' : 'Optional (needed for replies by email), never shown.'}
          />
        </div>
      )}
      <Field label="Comment" name="body" error={errors.body} hint={commentMessages.form.bodyHint(MAX_COMMENT_LENGTH)}>
        {(control) => (
          <textarea
            {...control}
            required
            rows={5}
            maxLength={MAX_COMMENT_LENGTH}
            defaultValue={values.body}
            className={inputClass(Boolean(errors.body))}
          />
        )}
      </Field>
      {repliesByMail && (
        <div className="text-sm">
          <label className="flex items-center gap-2 font-semibold">
            {/* Kept ticked when the comment comes back refused (values echo what was sent). */}
            <input
              type="checkbox"
              name="notifyReplies"
              value="yes"
              defaultChecked={values.notifyReplies === 'yes'}
              aria-describedby={`${honeypotId}-replies`}
            />
            {commentMessages.form.notifyReplies}
          </label>
          <p id={`${honeypotId}-replies`} className="text-muted">
            {commentMessages.form.notifyRepliesHint}
          </p>
        </div>
      )}
      <button
        type="submit"
        disabled={pending}
        className="rounded bg-ink px-4 py-2 text-sm font-semibold text-white hover:bg-black disabled:opacity-50"
      >
        {pending ? 'Posting…' : 'Post comment'}
      </button>
    </form>
  );
}
