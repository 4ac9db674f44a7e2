// The demo newsroom's accounts, one per role (README): plain data, so the e2e suite can sign in as them.
export const DEMO_PASSWORD = 'broadsheet-demo';
export const demoAccounts = [
  { email: 'admin@broadsheet.test', name: 'Ada Admin', role: 'admin' },
  { email: 'editor@broadsheet.test', name: 'Eddie Editor', role: 'editor' },
  { email: 'author@broadsheet.test', name: 'Alex Author', role: 'author' },
  { email: 'contributor@broadsheet.test', name: 'Casey Contributor', role: 'contributor' },
  { email: 'moderator@broadsheet.test', name: 'Morgan Moderator', role: 'moderator' },
] as const;
