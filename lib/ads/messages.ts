import type { Ad, AdSlot } from '@/db/schema';

const money = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });

/** A slot's price as advertisers read it, from its cents. */
export const formatPrice = (cents: number) => money.format(cents / 100);

const day = (date: Date) => date.toISOString().slice(0, 10);

/**
 * Everything the ads domain says to people, in one place: names of placements and statuses, form errors, the
 * notices of the dashboard, and the mails to advertisers.
 */
export const adMessages = {
  placements: {
    sidebar: 'Sidebar',
    header: 'Header',
    in_article: 'In article',
    footer: 'Footer',
  } satisfies Record<AdSlot['placement'], string>,
  statuses: { active: 'Active', paused: 'Paused' } satisfies Record<Ad['status'], string>,

  ad: {
    dateTime: 'Enter a date and time.',
    advertiser: 'Name the advertiser.',
    slot: 'Choose a slot.',
    headline: 'Give the ad a headline.',
    altText: 'Describe the image for people who cannot see it.',
    targetUrl: 'Use an http:// or https:// address.',
    weight: 'Enter a weight from 1 to 100.',
    weightMin: 'At least 1.',
    weightMax: 'At most 100.',
    endsBeforeStart: 'The end must come after the start.',
    slotGone: 'That slot no longer exists.',
    notSaved: 'The ad was not saved.',
    imageNeeded: (width: number, height: number) => `Upload an image of ${width}×${height}.`,
    saved: 'Ad saved. Pages show it now.',
    incomplete: 'Add the image and the target URL, then save the ad as active.',
  },

  slot: {
    pixels: (what: string) => `Enter the ${what} in pixels.`,
    wholePixels: (what: string) => `Enter the ${what} in whole pixels.`,
    pixelsMin: 'At least 20 pixels.',
    pixelsMax: 'At most 1,200 pixels.',
    key: 'Use lowercase letters, digits and dashes, like sidebar-top.',
    name: 'Name the slot.',
    placement: 'Choose a placement.',
    afterParagraph: 'Enter a paragraph number.',
    afterParagraphMin: 'At least 1.',
    afterParagraphMax: 'At most 50.',
    price: 'Enter a price in dollars, like 45 or 45.50.',
    position: 'Enter a number.',
    keyTaken: 'Another slot has this key.',
    gone: 'That slot no longer exists.',
    sizeInUse: (ads: number, width: number, height: number) =>
      `This slot has ${ads} ad(s) made for ${width}×${height}: make a new slot for another size.`,
    inUse: (ads: number, requests: number) =>
      `This slot has ${ads} ad(s) and ${requests} booking request(s): delete those first.`,
    inUseNotice: 'This slot still has ads or booking requests: delete those first.',
    notSaved: 'The slot was not saved.',
    saved: 'Slot saved. Pages show it now.',
  },

  request: {
    company: 'Tell us your company’s name.',
    email: 'Enter an email address we can reply to.',
    slot: 'Choose a slot.',
    startDate: 'Choose a start date.',
    startDatePast: 'Choose a start date from today on.',
    weeks: 'Enter a number of weeks.',
    weeksMin: 'At least one week.',
    weeksMax: (max: number) => `At most ${max} weeks.`,
    message: 'Keep the message under 2,000 characters.',
    tooMany: 'You have sent several requests already: please try again in an hour, or write to us.',
    notSent: 'Your request was not sent.',
    sent: (company: string, email: string) =>
      `Thank you, ${company}: we will reply to ${email} within two working days.`,
  },

  mail: {
    accepted: (company: string, startDate: string, weeks: number) => ({
      subject: 'Your ad booking is accepted',
      text: `Thank you, ${company}: we will run your ad from ${startDate} for ${weeks} week(s).`,
    }),
    declined: (company: string) => ({
      subject: 'About your ad booking',
      text: `Thank you, ${company}: we cannot take this booking. Reply to this mail to find other dates.`,
    }),
    scheduled: (company: string, startsAt: Date, endsAt: Date | null, reportUrl: string) => ({
      subject: 'Your ad is scheduled',
      text: `Thank you, ${company}: your ad runs from ${day(startsAt)} to ${endsAt ? day(endsAt) : 'until further notice'}.\nIts figures, day by day: ${reportUrl}`,
    }),
  },
} as const;
