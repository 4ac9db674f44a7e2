import { expect, type Page } from '@playwright/test';
import { DEMO_PASSWORD } from '../db/seed';

export type Role = 'admin' | 'editor' | 'author' | 'contributor' | 'moderator';

/** Signs in through the real form, as the demo account of a role. */
export async function signInAs(page: Page, role: Role) {
  await page.goto('/signin');
  await page.getByLabel('Email').fill(`${role}@broadsheet.test`);
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/dashboard/);
}

export async function signOut(page: Page) {
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await expect(page.getByLabel('Email')).toBeVisible();
}

/** A real 2×2 PNG, for cover uploads. */
export const tinyPng = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFklEQVR4nGP8z8DAwMDAxMDAwMDAAAANHQEDasKb6QAAAABJRU5ErkJggg==',
  'base64',
);

/** A unique suffix, so tests running side by side never write the same slug. */
export const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

/** Today's /YYYY/MM in UTC (the demo site's time zone). */
export function thisMonth(): string {
  const now = new Date();
  return `/${now.getUTCFullYear()}/${String(now.getUTCMonth() + 1).padStart(2, '0')}`;
}

/** The editor is interactive once its formatting toolbar has mounted (before that, it is a plain form). */
export async function openEditor(page: Page, url: string) {
  await page.goto(url);
  await expect(page.getByRole('toolbar', { name: 'Formatting' })).toBeVisible();
}

/** An admin creates an account on the People page (the admin must be signed in on `page`). */
export async function createAccountAs(page: Page, account: { name: string; email: string; role: Role; password: string }) {
  await page.goto('/dashboard/people');
  await page.getByLabel('Name').fill(account.name);
  await page.getByLabel('Email').fill(account.email);
  await page.getByLabel('Role', { exact: true }).selectOption(account.role);
  await page.getByLabel('Initial password').fill(account.password);
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByRole('status').filter({ hasText: `${account.name} can now sign in as ${account.role}.` })).toBeVisible();
}
