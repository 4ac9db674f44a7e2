import { Button } from '@/components/ui/button';
import type { Ad } from '@/lib/ads/queries';
import { changeAdAction } from '@/lib/ads/actions';

type Props = {
  ad: Pick<Ad, 'id' | 'advertiser' | 'status'>;
  /** In the ads table: small buttons, each naming its ad for screen readers. */
  compact?: boolean;
  className?: string;
};

/** An ad's Pause (or Resume) and Delete buttons. */
export function AdChangeButtons({ ad, compact = false, className = '' }: Props) {
  const size = compact ? 'px-2 py-1' : undefined;
  const name = compact && <span className="sr-only"> {ad.advertiser}</span>;
  return (
    <form action={changeAdAction} className={`flex gap-2 ${className}`}>
      <input type="hidden" name="id" value={ad.id} />
      <Button
        type="submit"
        name="change"
        value={ad.status === 'paused' ? 'resume' : 'pause'}
        variant="secondary"
        className={size}
      >
        {ad.status === 'paused' ? 'Resume' : 'Pause'}
        {name}
      </Button>
      <Button type="submit" name="change" value="delete" variant="danger" className={size}>
        Delete{name}
      </Button>
    </form>
  );
}
