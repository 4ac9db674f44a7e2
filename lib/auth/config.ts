import type { NextAuthConfig } from 'next-auth';

/**
 * The part of the Auth.js setup that needs no database: proxy.ts uses it to read the session cookie.
 * lib/auth/auth.ts adds the adapter and the credentials provider.
 */
export const authConfig = {
  pages: { signIn: '/signin' },
  session: { strategy: 'jwt', maxAge: 30 * 24 * 60 * 60 },
  trustHost: true,
  providers: [],
  callbacks: {
    jwt({ token, user }) {
      if (user?.id) token.sub = user.id;
      return token;
    },
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      return session;
    },
  },
} satisfies NextAuthConfig;
