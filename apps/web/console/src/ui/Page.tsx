import type { ReactNode } from 'react';

/** A screen: its heading (the one h1) and its content. */
export function Page({ title, children, actions }: { title: string; children: ReactNode; actions?: ReactNode }) {
  return (
    <section className="page">
      <header className="page-header">
        <h1>{title}</h1>
        {actions}
      </header>
      {children}
    </section>
  );
}

export function Loading() {
  return (
    <p className="loading" aria-busy="true">
      …
    </p>
  );
}
