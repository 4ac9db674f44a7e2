// A plain link: Next puts this page in every page's RSC payload, and next/link there would make every reader's
// page load next/link's client code.
export default function Unauthorized() {
  return (
    <main id="main" className="mx-auto max-w-lg px-4 py-16">
      <h1 className="mb-4 font-serif text-3xl font-bold">Please sign in</h1>
      <p>Your session has ended, or you are not signed in.</p>
      <p className="mt-6">
        <a href="/signin" className="font-semibold text-accent hover:underline">
          Sign in
        </a>
      </p>
    </main>
  );
}
