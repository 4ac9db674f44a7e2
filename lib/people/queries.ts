import 'server-only';
import { getDb } from '@/lib/db';
import * as people from '@/db/queries/people';
import { hasAnyUser } from './accounts';
import { listAccountLog } from './account-log';

/** Everyone with an account, by name, for the People page. */
export async function listPeople() {
  return people.listPeople(await getDb());
}

/** Whether anyone has an account yet: until then, /setup creates the administrator. */
export async function isSetUp(): Promise<boolean> {
  return hasAnyUser(await getDb());
}

/** The newest changes to how people sign in, for the People page. */
export async function recentAccountChanges() {
  return listAccountLog(await getDb());
}
