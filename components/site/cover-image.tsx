import { getImageProps } from 'next/image';

/**
 * A post's cover at the 1200×630 social-card ratio; width and height reserve its box before it loads. Uploads
 * are resized by Next's image optimizer; SVG illustrations are served as they are. A plain <img> with the
 * optimizer's srcset (getImageProps), not next/image's component: that is a client component, and every reader's
 * page would load and hydrate it for an image that needs no JavaScript.
 */
export function CoverImage({ src, alt, priority = false }: { src: string; alt: string; priority?: boolean }) {
  const { props } = getImageProps({
    src,
    alt,
    width: 1200,
    height: 630,
    sizes: '(min-width: 1024px) 780px, 100vw',
    loading: priority ? 'eager' : 'lazy',
    fetchPriority: priority ? 'high' : 'auto',
    unoptimized: src.endsWith('.svg'),
    className: 'aspect-[1200/630] h-auto w-full rounded bg-rule object-cover',
  });
  // eslint-disable-next-line @next/next/no-img-element -- the optimizer's srcset, without the client component
  return <img {...props} alt={alt} />;
}
