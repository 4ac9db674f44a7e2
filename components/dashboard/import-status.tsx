import { Notice } from '@/components/ui/notice';
import type { ImportView } from '@/lib/import/imports';
import { importMessages } from '@/lib/import/messages';

/** A site with thousands of deleted comments lists the first of them; the count says the rest. */
const SHOWN_SKIPS = 50;

/**
 * Where the current import stands (a progress bar of its phase, refreshed every two seconds, without JavaScript
 * too), or how the last one ended: its summary and each skipped item with the reason.
 */
export function ImportStatus({ current }: { current: ImportView }) {
  if (current.status === 'queued' || current.status === 'running') {
    const progress = current.progress;
    const phase = importMessages.phases[progress?.phase || 'reading'] ?? progress?.phase;
    const total = progress?.total || 0;
    return (
      <section aria-labelledby="import-progress" className="mb-8 max-w-xl">
        <meta httpEquiv="refresh" content="2" />
        <h2 id="import-progress" className="mb-2 font-serif text-xl font-bold">
          {importMessages.running} {current.fileName}
        </h2>
        <p className="mb-2 text-sm" role="status">
          {phase}
          {total > 0 && `: ${progress?.done ?? 0} of ${total}`}
        </p>
        <progress
          className="h-3 w-full"
          aria-label={phase}
          max={total || undefined}
          value={total ? (progress?.done ?? 0) : undefined}
        />
      </section>
    );
  }
  if (current.status !== 'done') {
    return (
      <section className="mb-8 max-w-2xl">
        <Notice tone="error">
          {importMessages.failed} ({current.fileName}): {current.error}
        </Notice>
      </section>
    );
  }
  return (
    <section aria-labelledby="import-result" className="mb-8 max-w-2xl">
      <h2 id="import-result" className="mb-2 font-serif text-xl font-bold">
        {importMessages.done}: {current.fileName}
      </h2>
      <Notice tone="ok">{current.result}</Notice>
      {current.skipped.length > 0 && (
        <>
          <h3 className="mb-1 font-semibold">{importMessages.skipped}</h3>
          <ul className="list-disc pl-6 text-sm">
            {current.skipped.slice(0, SHOWN_SKIPS).map((skip, index) => (
              <li key={index}>
                {skip.item}: {skip.reason}
              </li>
            ))}
          </ul>
          {current.skipped.length > SHOWN_SKIPS && (
            <p className="text-sm">{importMessages.moreSkipped(current.skipped.length - SHOWN_SKIPS)}</p>
          )}
        </>
      )}
    </section>
  );
}
