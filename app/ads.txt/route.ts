import { getSettings } from '@/lib/settings/queries';

// Cached like the pages; saving the settings revalidates it.
export const dynamic = 'force-static';

export async function GET() {
  const { adsTxt } = await getSettings();
  return new Response(adsTxt ? `${adsTxt.trim()}\n` : '# Direct-sold ads only: no authorised resellers.\n', {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
}
