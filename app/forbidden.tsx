// A plain link: Next puts this page in every page's RSC payload, and next/link there would make every reader's
// page load next/link's client code.
export default function Forbidden() {
  return (
    <main id="main" className="mx-auto max-w-lg px-4 py-16">
      <h1 className="mb-4 font-serif text-3xl font-bold">Not allowed</h1>
      <p>Your role does not allow this. Ask an administrator if you need it.</p>
      <p className="mt-6">
        <a href="/dashboard" className="font-semibold text-accent hover:underline">
          Back to the dashboard
        </a>
      </p>
    </main>
  );
}
