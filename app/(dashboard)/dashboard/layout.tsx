import type { Metadata } from 'next';
import Link from 'next/link';
import { Button } from '@/components/ui/button';
import { signOutAction } from '@/lib/auth/actions';
import { requirePermission } from '@/lib/auth/current-user';
import { can } from '@/lib/auth/permissions';
import { pendingCount } from '@/lib/comments/queue';

export const metadata: Metadata = {
  title: { default: 'Dashboard', template: '%s | Dashboard' },
  robots: { index: false },
};

export default async function DashboardLayout({ children }: { children: React.ReactNode }) {
  // Every page checks its own permission; 'account:secure' lets the frame show around the two-factor setup page
  // too, for someone the site sends there before anything else.
  const user = await requirePermission('account:secure');
  const pending = can(user.role, 'comments:moderate') ? await pendingCount() : 0;
  const links = [
    can(user.role, 'posts:write') && { href: '/dashboard/posts', label: 'Posts' },
    can(user.role, 'posts:write') && { href: '/dashboard/posts/new', label: 'New post' },
    can(user.role, 'pages:manage') && { href: '/dashboard/pages', label: 'Pages' },
    can(user.role, 'redirects:manage') && { href: '/dashboard/redirects', label: 'Redirects' },
    can(user.role, 'comments:moderate') && { href: '/dashboard/comments', label: 'Comments', badge: pending },
    can(user.role, 'ads:manage') && { href: '/dashboard/ads', label: 'Ads' },
    can(user.role, 'subscribers:manage') && { href: '/dashboard/subscribers', label: 'Subscribers' },
    can(user.role, 'people:manage') && { href: '/dashboard/people', label: 'People' },
    can(user.role, 'settings:manage') && { href: '/dashboard/settings', label: 'Settings' },
    can(user.role, 'import') && { href: '/dashboard/import', label: 'Import' },
    can(user.role, 'export') && { href: '/dashboard/export', label: 'Export' },
    { href: '/dashboard/profile', label: 'Profile' },
  ].filter((link) => link !== false);
  return (
    <div className="min-h-screen bg-gray-50">
      <header className="border-b border-rule bg-white">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
          <Link href="/" className="font-serif text-xl font-bold">
            Broadsheet
          </Link>
          <nav aria-label="Dashboard" className="flex flex-1 flex-wrap gap-x-4 text-sm font-semibold">
            {links.map((link) => (
              <Link key={link.href} href={link.href} className="hover:text-accent">
                {link.label}
                {'badge' in link && Number(link.badge) > 0 && (
                  <span className="ml-1 rounded-full bg-accent px-1.5 text-xs text-white">
                    {link.badge}
                    <span className="sr-only"> pending</span>
                  </span>
                )}
              </Link>
            ))}
          </nav>
          <span className="text-sm text-muted">
            {user.name} ({user.role})
          </span>
          <form action={signOutAction}>
            <Button type="submit" variant="secondary">
              Sign out
            </Button>
          </form>
        </div>
      </header>
      <main id="main" className="mx-auto max-w-6xl px-4 py-8">
        {children}
      </main>
    </div>
  );
}
