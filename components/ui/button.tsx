type Variant = 'primary' | 'secondary' | 'danger';

const variants: Record<Variant, string> = {
  primary: 'bg-ink text-white hover:bg-black',
  secondary: 'border border-gray-400 bg-white text-ink hover:border-ink',
  danger: 'border border-accent bg-white text-accent hover:bg-accent hover:text-white',
};

export function Button({
  variant = 'primary',
  className = '',
  ...props
}: React.ButtonHTMLAttributes<HTMLButtonElement> & { variant?: Variant }) {
  return (
    <button
      {...props}
      className={`inline-flex items-center justify-center rounded px-4 py-2 text-sm font-semibold disabled:opacity-50 ${variants[variant]} ${className}`}
    />
  );
}
