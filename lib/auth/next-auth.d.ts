import 'next-auth';
import 'next-auth/jwt';

declare module 'next-auth' {
  interface Session {
    user: { id: string; name?: string | null; email?: string | null; image?: string | null };
    /** When this session signed in (ms since the epoch); 0 for sessions older than the claim. */
    signedInAt: number;
  }
}

declare module 'next-auth/jwt' {
  interface JWT {
    signedInAt?: number;
  }
}
