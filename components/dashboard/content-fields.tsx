'use client';

import { useState } from 'react';
import { Field } from '@/components/ui/field';
import { slugify } from '@/lib/slug';
import { RichTextEditor } from './rich-text-editor';

type TitleAndSlugProps = {
  title: string;
  slug: string;
  errors: { title?: string; slug?: string };
  /** What the slug is for (the address it makes). */
  slugHint: string;
  /** A saved post or page keeps its slug when the title changes; a new one's slug follows the title. */
  saved: boolean;
};

/** The title and the slug of a post or a page: the slug follows the title until it is changed by hand. */
export function TitleAndSlugFields({ title, slug: initialSlug, errors, slugHint, saved }: TitleAndSlugProps) {
  const [slugEdited, setSlugEdited] = useState(saved);
  const [slug, setSlug] = useState(initialSlug);
  return (
    <>
      <Field
        label="Title"
        name="title"
        defaultValue={title}
        error={errors.title}
        required
        maxLength={200}
        className="text-lg"
        onInput={(event) => !slugEdited && setSlug(slugify(event.currentTarget.value))}
      />
      <Field
        label="Slug"
        name="slug"
        value={slug}
        error={errors.slug}
        hint={`${slugHint} Follows the title until you change it.`}
        onChange={(event) => {
          setSlugEdited(true);
          setSlug(event.currentTarget.value);
        }}
      />
    </>
  );
}

type BodyProps = { body: string; error?: string; onChange?: () => void };

/** The body in the rich-text editor (a textarea without JavaScript), with its error under it. */
export function BodyField({ body, error, onChange }: BodyProps) {
  return (
    <div>
      <RichTextEditor
        name="body"
        label="Body"
        defaultValue={body}
        onChange={onChange}
        invalid={Boolean(error)}
        describedBy={error ? 'body-error' : undefined}
      />
      {error && (
        <p id="body-error" className="mt-1 text-sm font-semibold text-accent">
          {error}
        </p>
      )}
    </div>
  );
}
