/**
 * A recorded sheet's sides, straightened into the ballot's own frame, with each candidate's line
 * outlined: the review of a doubtful sheet and the confirmation pass both look at sheets this way.
 */
import { useEffect, useState } from 'react';
import type { Rect } from '../../../core/documents/ballot-geometry.ts';
import type { ScanImageView, ScanLineBox } from '../../../core/protocol/scan.ts';
import { client } from '../../client.ts';

/** Every side of the sheet, fetched once per sheet; a refusal is said through `say`. */
export function useSheetImages(
  electionId: number,
  scanId: number | null,
  say: (text: string) => void,
): ScanImageView[] {
  const [images, setImages] = useState<ScanImageView[]>([]);
  useEffect(() => {
    setImages([]);
    if (scanId === null) return;
    let live = true;
    void (async () => {
      const first = await client.call('scan', 'image', { electionId, scanId, side: 1 });
      if (!first.ok) return live && say(first.messages.join(' '));
      const all = [first.value];
      for (let side = 2; side <= first.value.sides; side++) {
        const more = await client.call('scan', 'image', { electionId, scanId, side });
        if (more.ok) all.push(more.value);
      }
      if (live) setImages(all);
    })();
    return () => {
      live = false;
    };
  }, [electionId, scanId]);
  return images;
}

/** The sheet's sides with every line outlined; `lineClass` says how each candidate's line looks. */
export function SheetPages({
  images,
  place,
  lineClass,
}: {
  images: readonly ScanImageView[];
  place: string;
  lineClass: (candidateId: string) => string;
}) {
  return (
    <div className="review-page">
      {images.map((img, side) => (
        <div className="review-sheet" key={side}>
          <img src={`data:image/jpeg;base64,${img.base64}`} alt={place} />
          {img.scale === null
            ? null
            : img.lines.map((l) => (
                <Outline
                  key={l.candidateId}
                  image={img}
                  rect={l.band}
                  className={lineClass(l.candidateId)}
                />
              ))}
        </div>
      ))}
    </div>
  );
}

const pct = (v: number, of: number) => `${(100 * v) / of}%`;

function Outline({
  image,
  rect,
  className,
}: {
  image: ScanImageView;
  rect: Rect;
  className: string;
}) {
  const s = image.scale!;
  return (
    <div
      className={`review-line ${className}`}
      style={{
        left: pct(rect.x * s, image.width),
        top: pct(rect.y * s, image.height),
        width: pct(rect.w * s, image.width),
        height: pct(rect.h * s, image.height),
      }}
    />
  );
}

/** The line with a line's height of paper above and below, at the image's full resolution. */
export function Zoom({ image, line }: { image: ScanImageView; line: ScanLineBox }) {
  const s = image.scale!;
  const margin = line.band.h * 0.8;
  const crop = {
    x: line.band.x,
    y: line.band.y - margin,
    w: line.band.w,
    h: line.band.h + 2 * margin,
  };
  return (
    <div
      className="review-zoom-view"
      style={{
        aspectRatio: `${crop.w} / ${crop.h}`,
        backgroundImage: `url(data:image/jpeg;base64,${image.base64})`,
        backgroundSize: `${(100 * image.width) / (crop.w * s)}% auto`,
        backgroundPosition: `${(100 * crop.x * s) / (image.width - crop.w * s)}% ${(100 * crop.y * s) / (image.height - crop.h * s)}%`,
      }}
    />
  );
}
