import Link from 'next/link';

export default function NotFound() {
  return (
    <main className="page narrow">
      <h1>Not found</h1>
      <p>This page or document does not exist, or you do not have access to it.</p>
      <p>
        <Link href="/documents">Back to your documents</Link>
      </p>
    </main>
  );
}
