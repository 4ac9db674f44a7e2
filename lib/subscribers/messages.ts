const number = (n: number) => n.toLocaleString('en-US');

/** Everything the subscribers domain says to people: readers at the follow form and preferences, staff in the dashboard. */
export const subscriberMessages = {
  form: {
    invalidEmail: 'Enter a valid email address.',
    invalid: 'Please enter a valid email address.',
    // The same answer for a new, a pending and an already confirmed address: the form tells nobody who follows.
    accepted: 'Thank you. Check your inbox: we sent a link to confirm (it works for 48 hours).',
    refused: {
      invalid: 'Please enter a valid email address.',
      again: 'Please press “Subscribe” again.',
      limited: 'Too many requests from here or for this address. Please try again in an hour.',
    },
  },
  confirmMail: {
    subject: (site: string) => `Confirm that you want ${site} by email`,
    text: (site: string, link: string) =>
      [`Someone, probably you, asked for new stories of ${site} by email.`, '', ...confirmLinkLines(link)].join('\n'),
  },
  alreadyMail: {
    subject: (site: string) => `You already follow ${site} by email`,
    text: (site: string, link: string) =>
      [
        `Someone, probably you, asked again for stories of ${site} by email: you already receive them.`,
        '',
        'Change what you receive, or unsubscribe, here:',
        link,
      ].join('\n'),
  },
  confirm: {
    heading: 'Confirm your subscription',
    explain: 'Press the button to confirm that you want new stories by email.',
    button: 'Confirm my subscription',
    expired: 'This confirmation link has expired or was already used. Subscribe again to get a new one.',
    done: 'Your address is confirmed: new stories will reach your inbox.',
  },
  preferences: {
    saved: 'Your choices are saved.',
    unsubscribed: 'You are unsubscribed: no more stories will be sent to you.',
    forgotten: 'Your address is deleted: we no longer hold it.',
    resubscribed: 'Welcome back: new stories will reach your inbox again.',
    noLabel: 'Choose the whole site or at least one label.',
    gone: 'This link no longer works: the address was deleted.',
  },
  story: {
    readOn: 'Read it on the site',
    unsubscribe: 'Unsubscribe or change what you receive',
    why: (site: string) => `You receive this because you follow ${site} by email.`,
  },
  digest: {
    subject: (site: string) => `Today in ${site}`,
  },
  dashboard: {
    sent: (sent: number, total: number) => `Sent to ${number(sent)} of ${number(total)}`,
    waiting: (n: number) => `${number(n)} waiting or interrupted`,
    failed: (n: number) => `${number(n)} failed`,
    importNoFile: 'Choose a CSV file to import.',
    importTooBig: 'The file is over 5 MB: split it and import the parts.',
    imported: (added: number, refused: number) =>
      `${number(added)} ${added === 1 ? 'address' : 'addresses'} added; ${number(refused)} ${refused === 1 ? 'row' : 'rows'} refused.`,
    noSmtp: 'Follow by email is off: set SMTP_URL (and MAIL_FROM) in the environment to turn it on.',
  },
};

/** How every confirmation mail ends: the link, how long it works, and what to do when it was not you. */
export function confirmLinkLines(link: string): string[] {
  return [
    'To confirm, open this link within 48 hours and press its button:',
    link,
    '',
    'If it was not you, ignore this mail: nothing will be sent.',
  ];
}
