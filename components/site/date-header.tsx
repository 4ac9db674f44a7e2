/** The classic news blog's date bar: "Sunday, September 27, 2015". */
export function DateHeader({ children, as: Tag = 'h2' }: { children: React.ReactNode; as?: 'h2' | 'p' }) {
  return <Tag className="date-header">{children}</Tag>;
}
