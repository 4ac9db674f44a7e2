'use client';

import { useActionState } from 'react';
import { Button } from '@/components/ui/button';
import { inputClass } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { idle } from '@/lib/form-state';
import { choiceOf, type MenuEntry } from '@/lib/settings/menu';
import { saveMenuAction } from '@/lib/settings/actions';

export type MenuChoice = { value: string; label: string };
type Props = { menu: MenuEntry[]; choices: { group: string; options: MenuChoice[] }[] };

/** Empty rows under the menu's entries, for adding new ones without JavaScript. */
const BLANK_ROWS = 2;

/**
 * The header menu's entries as rows of fields. The order is the numbers in the Position fields (so it works without
 * JavaScript); rows left empty are ignored, and a ticked Remove drops its entry.
 */
export function MenuEditor({ menu, choices }: Props) {
  const [state, action, pending] = useActionState(saveMenuAction, idle);
  // After a refused save the rows show what was typed; after a saved one, the menu as stored (in its new order).
  const typed = state.status === 'error' ? state.values : undefined;
  const errors = state.fieldErrors ?? {};
  const rows = [
    ...menu.map((entry) => ({ text: entry.text, to: choiceOf(entry), url: entry.kind === 'link' ? entry.target : '' })),
    ...Array.from({ length: BLANK_ROWS }, () => ({ text: '', to: '', url: '' })),
  ];
  const rowCount = typed ? Object.keys(typed).filter((key) => key.startsWith('to-')).length : rows.length;
  return (
    <form action={action} className="space-y-4" key={state.status === 'ok' ? JSON.stringify(menu) : undefined}>
      <FormMessage state={state} />
      {errors.menu && <p className="text-sm font-semibold text-accent">{errors.menu}</p>}
      <ol className="space-y-3">
        {Array.from({ length: rowCount }, (_, row) => {
          const value = (name: string, fallback: string) => typed?.[`${name}-${row}`] ?? fallback;
          const saved = rows[row] ?? { text: '', to: '', url: '' };
          const id = (name: string) => `menu-${name}-${row}`;
          const error = (name: string) => errors[`${name}-${row}`];
          const described = (name: string) =>
            error(name) ? { 'aria-invalid': true as const, 'aria-describedby': `${id(name)}-error` } : {};
          return (
            <li
              key={row}
              className="grid gap-3 rounded border border-rule bg-white p-3 sm:grid-cols-[5rem_1fr_1fr_1fr_auto] sm:items-end"
            >
              <div>
                <label htmlFor={id('position')} className="mb-1 block text-sm font-semibold">
                  Position
                </label>
                <input
                  id={id('position')}
                  name={`position-${row}`}
                  type="number"
                  min={1}
                  step={1}
                  defaultValue={value('position', String(row + 1))}
                  className={inputClass(Boolean(error('position')))}
                  {...described('position')}
                />
              </div>
              <div>
                <label htmlFor={id('text')} className="mb-1 block text-sm font-semibold">
                  Link text
                </label>
                <input
                  id={id('text')}
                  name={`text-${row}`}
                  maxLength={60}
                  defaultValue={value('text', saved.text)}
                  className={inputClass(Boolean(error('text')))}
                  {...described('text')}
                />
              </div>
              <div>
                <label htmlFor={id('to')} className="mb-1 block text-sm font-semibold">
                  Links to
                </label>
                <select
                  key={value('to', saved.to)}
                  id={id('to')}
                  name={`to-${row}`}
                  defaultValue={value('to', saved.to)}
                  className={inputClass(Boolean(error('to')))}
                  {...described('to')}
                >
                  <option value="">Choose…</option>
                  {choices.map((group) => (
                    <optgroup key={group.group} label={group.group}>
                      {group.options.map((option) => (
                        <option key={option.value} value={option.value}>
                          {option.label}
                        </option>
                      ))}
                    </optgroup>
                  ))}
                  <option value="link">An outside address (below)</option>
                </select>
              </div>
              <div>
                <label htmlFor={id('url')} className="mb-1 block text-sm font-semibold">
                  Outside address
                </label>
                <input
                  id={id('url')}
                  name={`url-${row}`}
                  type="url"
                  placeholder="https://"
                  defaultValue={value('url', saved.url)}
                  className={inputClass(Boolean(error('url')))}
                  {...described('url')}
                />
              </div>
              <label className="flex items-center gap-2 pb-2 text-sm font-semibold">
                <input type="checkbox" name={`remove-${row}`} defaultChecked={Boolean(typed?.[`remove-${row}`])} />
                Remove
              </label>
              {['position', 'text', 'to', 'url'].map(
                (name) =>
                  error(name) && (
                    <p key={name} id={`${id(name)}-error`} className="text-sm font-semibold text-accent sm:col-span-5">
                      {error(name)}
                    </p>
                  ),
              )}
            </li>
          );
        })}
      </ol>
      <Button type="submit" disabled={pending}>
        Save menu
      </Button>
    </form>
  );
}
