import 'server-only';
import * as redirects from '@/db/queries/redirects';
import { getDb } from '@/lib/db';

/** Every redirect, by old address, for the dashboard. */
export async function listRedirectsForDashboard() {
  return redirects.listRedirects(await getDb());
}

/** The redirect `?edit=ID` asks for, or null. */
export async function getRedirectToEdit(rawId: string | undefined) {
  const id = Number(rawId);
  return Number.isInteger(id) && id > 0 ? redirects.getRedirect(await getDb(), id) : null;
}
