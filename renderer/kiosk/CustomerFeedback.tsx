/** Feedback from the member themselves: one to five stars and, if they like, a few words. */
import { useState, type SubmitEvent } from 'react';
import { useCounterContext } from '../app/terminal-context';
import { useI18n } from '../i18n/i18n';
import { giveFeedback } from '../terminal/counter-actions';

const COMMENT_MAX = 500;

export function CustomerFeedback(props: { memberId: string; onSent: () => void }) {
  const { t } = useI18n();
  const counterContext = useCounterContext();
  const [rating, setRating] = useState<number>();
  const [comment, setComment] = useState('');
  const [error, setError] = useState<string>();
  const [sending, setSending] = useState(false);

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    if (rating === undefined) {
      setError(t.kiosk.chooseStars);
      return;
    }
    setSending(true);
    try {
      await giveFeedback(counterContext(), rating, props.memberId, comment.slice(0, COMMENT_MAX));
      props.onSent();
    } catch (failure) {
      // Storage refused the write: said in words; nothing else was changed.
      setError(t.errors.unexpected(failure instanceof Error ? failure.message : String(failure)));
    } finally {
      setSending(false);
    }
  };

  return (
    <form className="customer-feedback" onSubmit={(e) => void submit(e)} noValidate>
      <fieldset>
        <legend>{t.kiosk.feedback}</legend>
        <div className="stars" role="radiogroup" aria-label={t.kiosk.feedback}>
          {[1, 2, 3, 4, 5].map((n) => (
            <button
              key={n}
              type="button"
              role="radio"
              aria-checked={rating === n}
              aria-label={t.kiosk.star(n)}
              className={rating !== undefined && n <= rating ? 'star chosen' : 'star'}
              onClick={() => {
                setRating(n);
                setError(undefined);
              }}
            >
              ★
            </button>
          ))}
        </div>
        <label className="field">
          <span>{t.kiosk.comment}</span>
          <textarea
            rows={3}
            maxLength={COMMENT_MAX}
            value={comment}
            onChange={(e) => {
              setComment(e.target.value);
            }}
          />
        </label>
      </fieldset>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <button type="submit" className="primary big" disabled={sending}>
        {t.kiosk.send}
      </button>
    </form>
  );
}
