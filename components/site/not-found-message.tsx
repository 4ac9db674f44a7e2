export function NotFoundMessage() {
  return (
    <>
      <h1 className="mb-4 font-serif text-3xl font-bold">Page not found</h1>
      <p className="font-serif text-lg">
        There is no page at this address. It may have moved, or it was never published.
      </p>
      <p className="mt-6">
        <a href="/" className="font-semibold text-accent hover:underline">
          Back to the latest news
        </a>
      </p>
    </>
  );
}
