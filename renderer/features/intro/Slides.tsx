/**
 * The hall's introductions (giới thiệu ứng cử viên), a page of its own (#/intro?show=ID) in the
 * projector's colours: the whole list in ballot order, then one slide per candidate with the photo,
 * name, year of birth, hometown, position, unit, education and a short biography, sized to read
 * from the back of a hall and shrunk only as far as needed to fit. Paced from this page's keyboard
 * (slides-keys.ts); F puts it full screen.
 */
import { useEffect, useLayoutEffect, useRef, useState, type RefObject } from 'react';
import type { CandidateDetailView, ElectionView } from '../../../core/views.ts';
import { useT } from '../../i18n.ts';
import { useQuery } from '../../use-query.ts';
import { photoData, usePhoto } from './photo.ts';
import { FIRST, showsElection, step, type SlideState } from './slides-keys.ts';
import './intro.css';

/** The smallest share of the full type size a slide may shrink to before it stops shrinking. */
const MIN_FIT = 0.7;

/** Shrinks `--fit` on the box until its content fits it (never below MIN_FIT). */
function useFit(ref: RefObject<HTMLElement | null>, key: unknown): void {
  useLayoutEffect(() => {
    const box = ref.current;
    if (box === null) return;
    let fit = 1;
    box.style.setProperty('--fit', '1');
    const over = () =>
      box.scrollHeight > box.clientHeight + 1 || box.scrollWidth > box.clientWidth + 1;
    while (fit > MIN_FIT && over()) {
      fit = Math.round((fit - 0.05) * 100) / 100;
      box.style.setProperty('--fit', String(fit));
    }
  }, [ref, key]);
}

function CandidateSlide({ c, total }: { c: CandidateDetailView; total: number }) {
  const t = useT();
  const box = useRef<HTMLDivElement>(null);
  useFit(box, c);
  const url = usePhoto(c.photo);
  const rows: [string, string | number | null, string][] = [
    [t.intro.born, c.birthYear, 'born'],
    [t.intro.hometown, c.hometown, 'hometown'],
    [t.intro.position, c.position, 'position'],
    [t.intro.unit, c.unit, 'unit'],
    [t.intro.education, c.education, 'education'],
  ];
  return (
    <section className="intro-slide candidate" data-testid="intro-candidate" aria-label={c.name}>
      <div className="intro-photo">
        {c.photo === null ? (
          <div className="no-photo">{t.intro.noPhoto}</div>
        ) : url === null ? (
          <div className="no-photo" />
        ) : (
          <img src={url} alt={c.name} />
        )}
      </div>
      <div className="intro-text" ref={box}>
        <h2 className="intro-name" data-testid="intro-name">
          <span className="intro-no">{c.no}</span>
          <span>{c.name}</span>
        </h2>
        <dl>
          {rows
            .filter(([, v]) => v !== null)
            .map(([label, v, key]) => (
              <div key={key} className={`intro-row ${key}`}>
                <dt>{label}</dt>
                <dd>{v}</dd>
              </div>
            ))}
        </dl>
        {c.biography === null ? null : (
          <div className="intro-bio">
            <h3>{t.intro.biography}</h3>
            <p>{c.biography}</p>
          </div>
        )}
      </div>
      <p className="intro-count">{t.intro.slideOf(c.no, total)}</p>
    </section>
  );
}

function ListSlide({
  election,
  candidates,
}: {
  election: ElectionView;
  candidates: readonly CandidateDetailView[];
}) {
  const t = useT();
  const box = useRef<HTMLOListElement>(null);
  useFit(box, candidates);
  const n = candidates.length;
  const size = n <= 8 ? 'large' : n <= 16 ? 'medium' : n <= 36 ? 'small' : 'tiny';
  return (
    <section className="intro-slide list" data-testid="intro-list">
      <header>
        <h2>{t.intro.listTitle}</h2>
        <p>
          {election.title} · {t.intro.candidatesCount(n, election.seats)}
        </p>
      </header>
      <ol className={`intro-list ${size}`} ref={box}>
        {candidates.map((c) => (
          <li key={c.code}>
            <span className="intro-no">{c.no}</span>
            <span className="who">
              <span className="name">{c.name}</span>
              {size === 'large' && (c.position ?? c.unit) !== null ? (
                <small>{[c.position, c.unit].filter((p) => p !== null).join(', ')}</small>
              ) : null}
            </span>
          </li>
        ))}
      </ol>
      <p className="intro-keys">{t.intro.keys}</p>
    </section>
  );
}

export function Slides({ electionId }: { electionId: number }) {
  const t = useT();
  const { data: election } = useQuery('election', { electionId });
  const { data: candidates } = useQuery('candidateDetails', { electionId });
  const [state, setState] = useState<SlideState>(FIRST);
  const count = candidates?.length ?? 0;
  // Every photo fetched as soon as the list is known: paging never waits for a picture.
  useEffect(() => {
    for (const c of candidates ?? []) if (c.photo !== null) void photoData(c.photo.sha256);
  }, [candidates]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey || e.ctrlKey || e.metaKey) return;
      if (e.key === 'f' || e.key === 'F') {
        if (document.fullscreenElement === null) void document.documentElement.requestFullscreen();
        else void document.exitFullscreen();
        return;
      }
      setState((s) => {
        const next = step(s, e.key, count);
        if (next !== null) e.preventDefault();
        return next ?? s;
      });
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [count]);

  if (!election || !candidates) {
    return <div className="projector intro empty" data-testid="intro" />;
  }
  const slide = Math.min(state.slide, count);
  const current = slide === 0 ? null : candidates[slide - 1];
  return (
    <div className="projector intro" data-testid="intro" data-slide={slide}>
      {current === undefined || current === null ? (
        <ListSlide election={election} candidates={candidates} />
      ) : (
        <>
          <p className="intro-election">{election.title}</p>
          <CandidateSlide c={current} total={count} />
        </>
      )}
      {state.typed !== '' ? (
        <p className="intro-typed" data-testid="intro-typed">
          {t.intro.typed(state.typed)}
        </p>
      ) : null}
    </div>
  );
}

/**
 * The slides of the election the address names. The operator's "present" button reuses the
 * window (#/intro?show=ID): another election's slides replace these, from their list.
 */
export function SlidesPage() {
  const [electionId, setElectionId] = useState(() => showsElection(window.location.hash));
  useEffect(() => {
    const follow = () => setElectionId(showsElection(window.location.hash));
    window.addEventListener('hashchange', follow);
    return () => window.removeEventListener('hashchange', follow);
  }, []);
  if (electionId === null) return <div className="projector intro empty" data-testid="intro" />;
  return <Slides key={electionId} electionId={electionId} />;
}
