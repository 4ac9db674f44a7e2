import Image from 'next/image';

/**
 * A post's cover at the 1200×630 social-card ratio; width and height reserve its box before it loads. Uploads
 * are resized by next/image; SVG illustrations are served as they are.
 */
export function CoverImage({ src, alt, priority = false }: { src: string; alt: string; priority?: boolean }) {
  return (
    <Image
      src={src}
      alt={alt}
      width={1200}
      height={630}
      sizes="(min-width: 1024px) 780px, 100vw"
      loading={priority ? 'eager' : 'lazy'}
      fetchPriority={priority ? 'high' : 'auto'}
      unoptimized={src.endsWith('.svg')}
      className="aspect-[1200/630] h-auto w-full rounded bg-rule object-cover"
    />
  );
}
