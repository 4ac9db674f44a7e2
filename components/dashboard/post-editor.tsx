'use client';

import { useActionState, useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { Button } from '@/components/ui/button';
import { Field, inputClass } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { idle, type FormState } from '@/lib/form-state';
import { autosaveAction, savePostAction } from '@/lib/posts/actions';
import type { EditorPost } from '@/lib/posts/editor-data';
import { postMessages } from '@/lib/posts/messages';
import { BodyField, TitleAndSlugFields } from './content-fields';

type Props = { post: EditorPost; canPublish: boolean; canCreateLabels: boolean; initialMessage?: FormState };

const AUTOSAVE_IDLE_MS = 3000;

export function PostEditor({ post, canPublish, canCreateLabels, initialMessage }: Props) {
  const [state, action, pending] = useActionState(savePostAction, initialMessage ?? idle);
  const values = { ...toValues(post), ...state.values };
  const errors = state.fieldErrors ?? {};
  const formRef = useRef<HTMLFormElement>(null);
  const [id, setId] = useState(post.id);
  const [dirty, setDirty] = useState(false);
  const [autosave, setAutosave] = useState('');
  const autosaveTimer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const isLive = post.status === 'published' || post.status === 'scheduled';

  // A finished save settles the unsaved-changes state (a failed one keeps it: its text is still in the form).
  // Adjusted while rendering, as React advises for state that follows another state, not in an effect.
  const [settledState, setSettledState] = useState(state);
  if (settledState !== state) {
    setSettledState(state);
    if (state.status === 'ok') setDirty(false);
  }

  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  function changed() {
    setDirty(true);
    if (isLive) return;
    clearTimeout(autosaveTimer.current);
    autosaveTimer.current = setTimeout(async () => {
      if (!formRef.current) return;
      const form = new FormData(formRef.current);
      form.set('intent', 'save');
      const result = await autosaveAction(idle, form);
      if (result.status !== 'ok') {
        // The first thing wrong, as the form would mark it.
        const [firstError] = Object.values(result.fieldErrors ?? {});
        return setAutosave(`Not autosaved: ${firstError ?? result.message ?? postMessages.notSaved()}`);
      }
      // The page stays as it is (no navigation, so nothing typed meanwhile is lost); later saves use this id.
      setId(Number(result.values?.id));
      setDirty(false);
      setAutosave(`Draft autosaved at ${new Date().toLocaleTimeString()}`);
    }, AUTOSAVE_IDLE_MS);
  }

  return (
    <form
      ref={formRef}
      action={action}
      onChange={changed}
      onSubmit={() => clearTimeout(autosaveTimer.current)}
      className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_280px]"
    >
      <div className="space-y-5">
        <FormMessage state={state} />
        <input type="hidden" name="id" value={id ?? ''} />
        <TimezoneOffset />
        <TitleAndSlugFields
          title={values.title}
          slug={values.slug}
          errors={errors}
          slugHint="The last part of the post's address."
          saved={Boolean(post.id)}
        />
        <Field
          label="Excerpt"
          name="excerpt"
          error={errors.excerpt}
          hint="One or two sentences for the home page and the feed."
        >
          {(control) => (
            <textarea
              {...control}
              defaultValue={values.excerpt}
              rows={3}
              maxLength={500}
              className={inputClass(Boolean(errors.excerpt))}
            />
          )}
        </Field>
        <BodyField body={values.body} error={errors.body} onChange={changed} />
      </div>

      <aside aria-label="Publishing" className="space-y-5">
        <div className="space-y-2 rounded border border-rule bg-white p-4">
          <p className="text-sm">
            Status: <strong>{postMessages.status[post.status]}</strong>
          </p>
          <p role="status" className="min-h-5 text-xs text-muted">
            {dirty ? 'Unsaved changes' : autosave}
          </p>
          {isLive ? (
            <>
              <Button type="submit" name="intent" value="save" disabled={pending} className="w-full">
                Update
              </Button>
              {canPublish && (
                <Button
                  type="submit"
                  name="intent"
                  value="unpublish"
                  variant="danger"
                  disabled={pending}
                  className="w-full"
                >
                  Unpublish
                </Button>
              )}
            </>
          ) : (
            <>
              <Button
                type="submit"
                name="intent"
                value="save"
                variant="secondary"
                disabled={pending}
                className="w-full"
              >
                Save draft
              </Button>
              {canPublish ? (
                <Button type="submit" name="intent" value="publish" disabled={pending} className="w-full">
                  Publish
                </Button>
              ) : (
                <Button type="submit" name="intent" value="submit" disabled={pending} className="w-full">
                  Submit for review
                </Button>
              )}
            </>
          )}
          {canPublish && post.status !== 'published' && (
            <div className="pt-1">
              <input type="hidden" name="emailFollowersShown" value="yes" />
              <label className="flex items-center gap-2 text-sm">
                <input type="checkbox" name="emailFollowers" value="yes" defaultChecked={post.emailFollowers} />
                Email to followers
              </label>
              <p className="text-xs text-muted">Sent once, when it goes live. Untick for corrections.</p>
            </div>
          )}
          <Button type="submit" name="intent" value="preview" variant="secondary" disabled={pending} className="w-full">
            Preview
          </Button>
        </div>
        {canPublish && (
          <div className="space-y-2 rounded border border-rule bg-white p-4">
            <Field
              label="Publish at"
              name="scheduleAt"
              type="datetime-local"
              step={1}
              defaultValue={values.scheduleAt}
              error={errors.scheduleAt}
            />
            <Button
              type="submit"
              name="intent"
              value="schedule"
              variant="secondary"
              disabled={pending}
              className="w-full"
            >
              Schedule
            </Button>
          </div>
        )}
        <div className="space-y-3 rounded border border-rule bg-white p-4">
          <Field
            label="Labels"
            name="labels"
            defaultValue={values.labels}
            error={errors.labels}
            hint={canCreateLabels ? postMessages.labelsHint.create : postMessages.labelsHint.pick}
          />
          {post.coverImage && (
            // eslint-disable-next-line @next/next/no-img-element -- a small preview of the current cover
            <img src={post.coverImage} alt="Current cover" width={240} height={126} className="w-full rounded" />
          )}
          <Field
            label="Cover image"
            name="cover"
            type="file"
            accept="image/jpeg,image/png,image/webp,image/gif"
            error={errors.cover}
            hint="JPEG, PNG, WebP or GIF, up to 5 MB."
          />
          <Field label="Cover alt text" name="coverAlt" defaultValue={values.coverAlt} error={errors.coverAlt} />
        </div>
        <div className="rounded border border-rule bg-white p-4">
          <Field label="Comments" name="commentsMode">
            {(control) => (
              <select {...control} defaultValue={values.commentsMode} className={inputClass()}>
                {Object.entries(postMessages.commentsMode).map(([value, label]) => (
                  <option key={value} value={value}>
                    {label}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
      </aside>
    </form>
  );
}

function toValues(post: EditorPost): Record<string, string> {
  return {
    title: post.title,
    slug: post.slug,
    excerpt: post.excerpt,
    labels: post.labels,
    body: post.body,
    coverAlt: post.coverAlt,
    scheduleAt: post.scheduleAt,
    commentsMode: post.commentsMode,
  };
}

const noChanges = () => () => {};

/** The browser's UTC offset, so "Publish at" is read in the author's own time zone (UTC without JavaScript). */
function TimezoneOffset() {
  const offset = useSyncExternalStore(
    noChanges,
    () => new Date().getTimezoneOffset(),
    () => 0,
  );
  return <input type="hidden" name="timezoneOffset" value={offset} />;
}
