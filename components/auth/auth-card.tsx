/** The card of the signed-out pages (sign in, change password): the brand, a title, an intro and the form. */
export function AuthCard({ titleId, title, intro, children }: { titleId: string; title: string; intro: React.ReactNode; children: React.ReactNode }) {
  return (
    <section className="login-card" aria-labelledby={titleId}>
      <div className="brand brand-large">
        <span className="brand-mark" aria-hidden="true">✓</span> Factdesk
      </div>
      <h1 id={titleId}>{title}</h1>
      <p className="muted">{intro}</p>
      {children}
    </section>
  );
}
