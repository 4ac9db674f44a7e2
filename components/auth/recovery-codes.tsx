import Link from 'next/link';
import { FormMessage } from '@/components/ui/form-message';
import type { FormState } from '@/lib/form-state';

/** Recovery codes, shown once: after turning two-factor sign-in on, and after making new ones. */
export function RecoveryCodes({ state, codes }: { state: FormState; codes: string[] }) {
  return (
    <section aria-labelledby="recovery-codes" className="max-w-xl space-y-4">
      <FormMessage state={state} />
      <h2 id="recovery-codes" className="font-serif text-2xl font-bold">
        Your recovery codes
      </h2>
      <p>
        Each one signs you in once, instead of a code from your app, if you lose your phone. Keep them somewhere safe,
        such as your password manager: they are not shown again.
      </p>
      <ol className="grid grid-cols-2 gap-2 rounded border border-rule bg-white p-4 font-mono text-lg">
        {codes.map((code) => (
          <li key={code}>{code}</li>
        ))}
      </ol>
      <p>
        <Link href="/dashboard/profile" className="font-semibold text-accent hover:underline">
          Done: back to your profile
        </Link>
      </p>
    </section>
  );
}
