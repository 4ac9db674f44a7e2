import type { MetadataRoute } from 'next';
import { env } from '@/lib/env';

export default function robots(): MetadataRoute.Robots {
  const siteUrl = env().SITE_URL.replace(/\/$/, '');
  return {
    rules: { userAgent: '*', allow: '/', disallow: ['/dashboard', '/api/', '/search'] },
    sitemap: `${siteUrl}/sitemap.xml`,
  };
}
