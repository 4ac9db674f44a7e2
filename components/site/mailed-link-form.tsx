import { Button } from '@/components/ui/button';

type Props = {
  action: (formData: FormData) => Promise<void>;
  token: string;
  explain: string;
  button: string;
  /** `danger` for a button that deletes (Forget me). */
  variant?: 'primary' | 'danger';
};

/**
 * What a mailed link opens: a button whose POST does what the link is for. The GET itself changes nothing, since
 * mail scanners (Outlook's Safe Links and the like) open every link in a mail.
 */
export function MailedLinkForm({ action, token, explain, button, variant = 'primary' }: Props) {
  return (
    <form action={action} className="max-w-md space-y-4">
      <p>{explain}</p>
      <input type="hidden" name="token" value={token} />
      <Button type="submit" variant={variant}>
        {button}
      </Button>
    </form>
  );
}
