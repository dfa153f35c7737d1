/** The entry screen: the election chosen, if it is counting; otherwise why not. */
import { useT } from '../../i18n.ts';
import { useApp } from '../../store.ts';
import { Entry } from './Entry.tsx';

export function Counting() {
  const t = useT();
  const { elections, electionId } = useApp();
  const election = elections.find((e) => e.id === electionId);
  if (!election) return <p>{t.count.choose}</p>;
  if (election.status !== 'counting') {
    return (
      <section>
        <h1>{election.title}</h1>
        <p className="big">
          {t.count.notCounting} ({t.status[election.status]})
        </p>
      </section>
    );
  }
  return <Entry key={election.id} election={election} />;
}
