import type { Metadata } from 'next';
import { PageHeading } from '@/components/dashboard/page-heading';
import { ActionForm } from '@/components/ui/action-form';
import { Button } from '@/components/ui/button';
import { DataTable } from '@/components/ui/data-table';
import { requirePermission } from '@/lib/auth/current-user';
import { roles } from '@/lib/auth/permissions';
import {
  createPersonAction,
  createResetLinkAction,
  resetTwoFactorAction,
  updatePersonAction,
} from '@/lib/people/actions';
import { listPeople, recentAccountChanges } from '@/lib/people/queries';

export const metadata: Metadata = { title: 'People' };

const when = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });
/** What each entry of the sign-in log says: someone did it to their own account, or to someone else's. */
const logWords = {
  two_factor_on: ['turned on their two-factor sign-in', 'turned on two-factor sign-in for'],
  two_factor_off: ['turned off their two-factor sign-in', 'turned off two-factor sign-in for'],
  two_factor_reset: ['reset their two-factor sign-in', 'reset the two-factor sign-in of'],
  recovery_codes_replaced: ['made new recovery codes', 'made new recovery codes for'],
} as const;

const roleOptions = roles.map((role) => ({ value: role, label: role[0].toUpperCase() + role.slice(1) }));

export default async function PeoplePage() {
  const admin = await requirePermission('people:manage');
  const [people, changes] = await Promise.all([listPeople(), recentAccountChanges()]);
  return (
    <>
      <PageHeading title="People" />
      <DataTable headings={['Name', 'Email', 'Role', 'Access', 'Two-factor sign-in']}>
        {people.map((person) => (
          <tr key={person.id} className="border-b border-rule">
            <td className="p-3 font-semibold">{person.name}</td>
            <td className="p-3">{person.email}</td>
            <td className="p-3">
              {person.id === admin.id ? (
                person.role
              ) : (
                <form action={updatePersonAction} className="flex gap-2">
                  <input type="hidden" name="id" value={person.id} />
                  <select
                    name="role"
                    defaultValue={person.role}
                    aria-label={`Role of ${person.name}`}
                    className="rounded border border-gray-400 px-2 py-1"
                  >
                    {roleOptions.map((option) => (
                      <option key={option.value} value={option.value}>
                        {option.label}
                      </option>
                    ))}
                  </select>
                  <Button type="submit" variant="secondary" className="px-2 py-1">
                    Set role<span className="sr-only"> of {person.name}</span>
                  </Button>
                </form>
              )}
            </td>
            <td className="p-3">
              {person.id !== admin.id && (
                <form action={updatePersonAction}>
                  <input type="hidden" name="id" value={person.id} />
                  <input type="hidden" name="deactivate" value={person.deactivatedAt ? '0' : '1'} />
                  <Button type="submit" variant={person.deactivatedAt ? 'secondary' : 'danger'} className="px-2 py-1">
                    {person.deactivatedAt ? 'Reactivate' : 'Deactivate'}
                    <span className="sr-only"> {person.name}</span>
                  </Button>
                </form>
              )}
            </td>
            <td className="p-3">
              {person.totpEnabledAt ? 'On' : 'Off'}
              {person.totpEnabledAt && person.id !== admin.id && (
                <form action={resetTwoFactorAction} className="mt-1">
                  <input type="hidden" name="id" value={person.id} />
                  <Button type="submit" variant="danger" className="px-2 py-1">
                    Reset<span className="sr-only"> the two-factor sign-in of {person.name}</span>
                  </Button>
                </form>
              )}
            </td>
          </tr>
        ))}
      </DataTable>
      <p className="mt-2 max-w-xl text-sm text-muted">
        Reset someone’s two-factor sign-in when they have lost their phone and their recovery codes: they then sign in
        with their password alone, and can set it up again from their profile.
      </p>
      <h2 className="mb-2 mt-10 font-serif text-2xl font-bold">Reset a password</h2>
      <p className="mb-4 max-w-xl text-muted">
        A link that lets them set a new password, once, within an hour. Send it to them yourself: “Forgot your
        password?” on the sign-in page mails one only when the site sends mail.
      </p>
      <ActionForm
        action={createResetLinkAction}
        submitLabel="Make a reset link"
        fields={[
          {
            name: 'id',
            label: 'Person',
            type: 'select',
            options: people
              .filter((person) => person.id !== admin.id && !person.deactivatedAt)
              .map((person) => ({ value: person.id, label: `${person.name} (${person.email})` })),
          },
        ]}
      />
      <h2 className="mb-4 mt-10 font-serif text-2xl font-bold">Sign-in changes</h2>
      {changes.length === 0 ? (
        <p className="text-muted">No one has turned two-factor sign-in on or off yet.</p>
      ) : (
        <ul aria-label="Sign-in changes" className="max-w-3xl space-y-1 text-sm">
          {changes.map((change) => (
            <li key={change.id}>
              <span className="text-muted">{when.format(change.createdAt)} UTC:</span>{' '}
              {change.actorName ?? 'A former account'}{' '}
              {change.byThemselves
                ? logWords[change.action][0]
                : `${logWords[change.action][1]} ${change.personName ?? 'a former account'}`}
            </li>
          ))}
        </ul>
      )}
      <h2 className="mb-4 mt-10 font-serif text-2xl font-bold">Add a person</h2>
      <ActionForm
        action={createPersonAction}
        submitLabel="Create account"
        fields={[
          { name: 'name', label: 'Name', required: true },
          { name: 'email', label: 'Email', type: 'email', required: true },
          { name: 'role', label: 'Role', type: 'select', options: roleOptions, defaultValue: 'contributor' },
          {
            name: 'password',
            label: 'Initial password',
            type: 'password',
            autoComplete: 'new-password',
            hint: 'At least 10 characters; they can change it in their profile.',
          },
        ]}
      />
    </>
  );
}
