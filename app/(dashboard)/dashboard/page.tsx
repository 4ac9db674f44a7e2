import { redirect } from 'next/navigation';
import { requirePermission } from '@/lib/auth/current-user';
import { can } from '@/lib/auth/permissions';

export default async function DashboardHome() {
  const user = await requirePermission('dashboard:view');
  redirect(
    can(user.role, 'posts:write')
      ? '/dashboard/posts'
      : can(user.role, 'comments:moderate')
        ? '/dashboard/comments'
        : '/dashboard/profile',
  );
}
