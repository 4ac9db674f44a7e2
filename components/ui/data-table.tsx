/** A plain table for dashboard lists: the column headings, then the rows the page renders. */
export function DataTable({
  headings,
  caption,
  children,
}: {
  headings: string[];
  caption?: string;
  children: React.ReactNode;
}) {
  return (
    <table className="w-full border-collapse bg-white text-left text-sm">
      {caption && <caption className="sr-only">{caption}</caption>}
      <thead>
        <tr className="border-b border-rule">
          {headings.map((heading) => (
            <th key={heading} className="p-3">
              {heading}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>{children}</tbody>
    </table>
  );
}
