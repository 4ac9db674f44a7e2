'use client';

import { createContext, useContext, useEffect, useRef, useState, useTransition } from 'react';
import { decisionKeys } from '@/components/dashboard/queue-keys';
import { Button } from '@/components/ui/button';
import { undoDecisionAction } from '@/lib/comments/actions';
import { commentMessages } from '@/lib/comments/messages';
import type { ModerationDecision } from '@/lib/comments/moderation';

/*
 * What JavaScript adds to the moderation queue; the rows' forms work without it. A decision made on a row hides
 * the row at once (the server's answer then leaves it out of the queue) and offers an Undo for a few seconds; the
 * focused row takes its decisions from the keyboard.
 */

const UNDO_MS = 8000;

type Decided = { id: number; author: string; decision: ModerationDecision };
const Decisions = createContext<{ hidden: ReadonlySet<number>; decided: (decided: Decided) => void }>({
  hidden: new Set(),
  decided: () => {},
});

/** Holds the hidden rows and the Undo of the latest decision; `back` is the queue address the Undo returns to. */
export function QueueDecisions({ back, children }: { back: string; children: React.ReactNode }) {
  const [hidden, setHidden] = useState<ReadonlySet<number>>(new Set());
  const [last, setLast] = useState<Decided | null>(null);
  const [undoing, startUndo] = useTransition();
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);

  const decided = (decision: Decided) => {
    setHidden((ids) => new Set(ids).add(decision.id));
    setLast(decision);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => setLast(null), UNDO_MS);
  };
  const undo = (decision: Decided) => {
    clearTimeout(timer.current);
    const form = new FormData();
    form.set('id', String(decision.id));
    form.set('back', back);
    startUndo(async () => {
      await undoDecisionAction(form);
      setHidden((ids) => new Set([...ids].filter((id) => id !== decision.id)));
      setLast(null);
    });
  };

  return (
    <Decisions.Provider value={{ hidden, decided }}>
      {children}
      <div role="status" className="fixed inset-x-4 bottom-4 z-20 mx-auto max-w-md">
        {last && (
          <div className="flex items-center justify-between gap-3 rounded bg-ink px-4 py-3 text-sm text-white shadow-lg">
            <span>{commentMessages.moderators.decided(last.decision, last.author)}</span>
            <Button
              type="button"
              variant="secondary"
              className="px-3 py-1"
              disabled={undoing}
              onClick={() => undo(last)}
            >
              Undo
            </Button>
          </div>
        )}
      </div>
    </Decisions.Provider>
  );
}

const typing = (target: EventTarget) =>
  target instanceof HTMLElement &&
  (target.isContentEditable ||
    target instanceof HTMLTextAreaElement ||
    target instanceof HTMLSelectElement ||
    (target instanceof HTMLInputElement && !['checkbox', 'radio', 'submit', 'button'].includes(target.type)));

/** One comment of the queue: focusable, it takes a/r/s, and leaves the queue as soon as a decision is sent. */
export function QueueRow({
  id,
  author,
  className,
  children,
}: {
  id: number;
  author: string;
  className: string;
  children: React.ReactNode;
}) {
  const { hidden, decided } = useContext(Decisions);
  return (
    <li
      hidden={hidden.has(id)}
      tabIndex={0}
      aria-keyshortcuts={Object.keys(decisionKeys).join(' ')}
      className={`${className} focus:outline-none focus:ring-2 focus:ring-blue-600 focus:ring-offset-2`}
      onKeyDown={(event) => {
        if (event.altKey || event.ctrlKey || event.metaKey || typing(event.target)) return;
        const decision = decisionKeys[event.key as keyof typeof decisionKeys];
        const button =
          decision && event.currentTarget.querySelector<HTMLButtonElement>(`[data-decision="${decision}"]`);
        if (!button) return;
        event.preventDefault();
        button.form?.requestSubmit(button);
      }}
      onSubmit={(event) => {
        const submitter = (event.nativeEvent as SubmitEvent).submitter;
        const decision = submitter?.getAttribute('data-decision') as ModerationDecision | null | undefined;
        if (!decision) return;
        // Focus moves on to the next comment still shown (or the one before), so the keys keep working down the queue.
        const row = event.currentTarget;
        const shown = [...row.parentElement!.children].filter((el) => el === row || !(el as HTMLElement).hidden);
        const at = shown.indexOf(row);
        const next = shown[at + 1] ?? shown[at - 1];
        decided({ id, author, decision });
        if (next instanceof HTMLElement) next.focus();
      }}
    >
      {children}
    </li>
  );
}
