/** A post's cover at the 1200×630 social-card ratio; the box is sized before the image loads. */
export function CoverImage({ src, alt, priority = false }: { src: string; alt: string; priority?: boolean }) {
  return (
    // eslint-disable-next-line @next/next/no-img-element -- covers are SVG or pre-sized uploads
    <img
      src={src}
      alt={alt}
      width={1200}
      height={630}
      loading={priority ? 'eager' : 'lazy'}
      fetchPriority={priority ? 'high' : 'auto'}
      className="aspect-[1200/630] h-auto w-full rounded bg-rule object-cover"
    />
  );
}
