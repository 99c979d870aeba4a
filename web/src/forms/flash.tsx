import { useEffect, useState } from 'react';

/** What the last write did, said once on the page it led to ("Pilot launched."). */
let pending: string | null = null;

export function flash(message: string): void {
  pending = message;
}

export function Flash() {
  const [message] = useState(() => pending);
  useEffect(() => {
    pending = null;
  }, []);
  if (!message) return null;
  return (
    <p className="notice notice-ok" role="status" data-testid="flash">
      {message}
    </p>
  );
}
