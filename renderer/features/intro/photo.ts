/**
 * Candidates' photos as the screens show them: fetched once by their SHA-256 (a photo never
 * changes under its hash) and kept for the page's life, so a list re-read carries no picture.
 */
import { useEffect, useState } from 'react';
import { client } from '../../client.ts';

const cache = new Map<string, Promise<string | null>>();

/** The photo as a data: URL, or null when it cannot be had (tried again next time). */
export function photoData(sha256: string): Promise<string | null> {
  let url = cache.get(sha256);
  if (url === undefined) {
    url = client
      .query('candidatePhoto', { sha256 })
      .then((r) => (r.ok ? `data:image/jpeg;base64,${r.value.base64}` : null));
    cache.set(sha256, url);
    void url.then((u) => {
      if (u === null) cache.delete(sha256);
    });
  }
  return url;
}

export function usePhoto(photo: { readonly sha256: string } | null): string | null {
  const sha256 = photo?.sha256 ?? null;
  const [url, setUrl] = useState<{ sha256: string; url: string | null } | null>(null);
  useEffect(() => {
    if (sha256 === null) return;
    let live = true;
    void photoData(sha256).then((u) => {
      if (live) setUrl({ sha256, url: u });
    });
    return () => {
      live = false;
    };
  }, [sha256]);
  return sha256 !== null && url?.sha256 === sha256 ? url.url : null;
}
