import { headers } from 'next/headers';
import { SCRIPT_NONCE_HEADER } from '@/lib/security-headers';

/** The nonce for this request's inline scripts; only for pages rendered per request (it reads the request). */
export async function scriptNonce(): Promise<string | undefined> {
  return (await headers()).get(SCRIPT_NONCE_HEADER) ?? undefined;
}
