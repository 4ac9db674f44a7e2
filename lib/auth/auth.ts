import 'server-only';
import { DrizzleAdapter } from '@auth/drizzle-adapter';
import NextAuth, { CredentialsSignin } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { getDb } from '@/lib/db';
import { authSecret } from '@/lib/env';
import { clientIp } from '@/lib/request/client-address';
import { eq } from 'drizzle-orm';
import { accounts, sessions, users, verificationTokens } from '@/db/schema';
import { authenticate, credentialsSchema } from './sign-in';
import { readToken } from './signed-tokens';

/** How long a sign-in ticket is good for: it goes from a server action to Auth.js within one request. */
const TICKET_MS = 60_000;

/** Thrown to Auth.js: `code` is "invalid", "locked:<minutes>" or "second-factor" (a code is needed as well). */
class SignInRefused extends CredentialsSignin {
  constructor(code: string) {
    super();
    this.code = code;
  }
}

export const { handlers, auth, signIn, signOut } = NextAuth(async () => {
  const db = await getDb();
  return {
    secret: authSecret(),
    pages: { signIn: '/signin' },
    // Credentials sign-in needs JWT sessions; roles and deactivation are read from the database on each request.
    session: { strategy: 'jwt', maxAge: 30 * 24 * 60 * 60 },
    trustHost: true,
    callbacks: {
      jwt({ token, user }) {
        // On sign-in only. Auth.js renews the token's own iat whenever it extends a session, so a reset password
        // ends older sessions by this time instead (getCurrentUser).
        if (user?.id) Object.assign(token, { sub: user.id, signedInAt: Date.now() });
        return token;
      },
      session({ session, token }) {
        if (token.sub) session.user.id = token.sub;
        session.signedInAt = token.signedInAt ?? 0;
        return session;
      },
    },
    adapter: DrizzleAdapter(db, {
      usersTable: users,
      accountsTable: accounts,
      sessionsTable: sessions,
      verificationTokensTable: verificationTokens,
    }),
    providers: [
      Credentials({
        credentials: { email: { label: 'Email' }, password: { label: 'Password', type: 'password' }, ticket: {} },
        async authorize(input, request) {
          // Our own sign-in pages check every factor, then hand over a ticket (lib/auth/session.ts).
          if (typeof input.ticket === 'string') {
            const ticket = readToken('sign-in-tickets', input.ticket, TICKET_MS);
            const [user] = ticket
              ? await db
                  .select({ id: users.id, email: users.email, name: users.name, deactivatedAt: users.deactivatedAt })
                  .from(users)
                  .where(eq(users.id, ticket.accountId))
              : [];
            if (!user || user.deactivatedAt) throw new SignInRefused('invalid');
            return { id: user.id, email: user.email, name: user.name };
          }
          // An email and password posted straight to Auth.js sign in only accounts without a second factor.
          const parsed = credentialsSchema.safeParse(input);
          if (!parsed.success) throw new SignInRefused('invalid');
          const result = await authenticate(db, parsed.data.email, parsed.data.password, clientIp(request.headers));
          if (result.ok && result.secondFactor) throw new SignInRefused('second-factor');
          if (result.ok) return result.user;
          throw new SignInRefused(result.reason === 'locked' ? `locked:${result.retryAfterMinutes}` : 'invalid');
        },
      }),
    ],
  };
});
