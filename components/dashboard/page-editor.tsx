'use client';

import { useActionState } from 'react';
import { Button } from '@/components/ui/button';
import { FormMessage } from '@/components/ui/form-message';
import { idle, type FormState } from '@/lib/form-state';
import { savePageAction } from '@/lib/pages/actions';
import { pageMessages } from '@/lib/pages/messages';
import { BodyField, TitleAndSlugFields } from './content-fields';

export type EditorPage = {
  id?: number;
  title: string;
  slug: string;
  bodyHtml: string;
  status: keyof typeof pageMessages.status;
};

type Props = { page: EditorPage; initialMessage?: FormState };

/** Title, slug and body in the posts' rich-text editor; works without JavaScript (the body is then a textarea). */
export function PageEditor({ page, initialMessage }: Props) {
  const [state, action, pending] = useActionState(savePageAction, initialMessage ?? idle);
  const values = { title: page.title, slug: page.slug, body: page.bodyHtml, ...state.values };
  const errors = state.fieldErrors ?? {};
  const live = page.status === 'published';
  return (
    <form action={action} className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_240px]">
      <div className="space-y-5">
        <FormMessage state={state} />
        <input type="hidden" name="id" value={page.id ?? ''} />
        <TitleAndSlugFields
          title={values.title}
          slug={values.slug}
          errors={errors}
          slugHint="The page's address is /p/ and its slug."
          saved={Boolean(page.id)}
        />
        <BodyField body={values.body} error={errors.body} />
      </div>
      <aside aria-label="Publishing" className="space-y-2 self-start rounded border border-rule bg-white p-4">
        <p className="text-sm">
          Status: <strong>{pageMessages.status[page.status]}</strong>
        </p>
        {live ? (
          <>
            <Button type="submit" name="intent" value="publish" disabled={pending} className="w-full">
              Update
            </Button>
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
          </>
        ) : (
          <>
            <Button type="submit" name="intent" value="save" variant="secondary" disabled={pending} className="w-full">
              Save draft
            </Button>
            <Button type="submit" name="intent" value="publish" disabled={pending} className="w-full">
              Publish
            </Button>
          </>
        )}
      </aside>
    </form>
  );
}
