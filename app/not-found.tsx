// Addresses that match no route, and every reader's page that calls notFound(). Imports stay away from modules
// that use next/link: their client code would join the not-found chunk, which every page loads.
export { SiteNotFound as default } from '@/components/site/site-not-found';
