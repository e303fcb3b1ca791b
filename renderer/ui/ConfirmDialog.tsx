/** A confirmation for what cannot be undone: a modal dialog, Escape cancels. */
import { useEffect, useRef } from 'react';

export function ConfirmDialog(props: {
  text: string;
  confirm: string;
  cancel: string;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
  }, []);
  return (
    <dialog ref={dialog} className="confirm" aria-label={props.text} onCancel={props.onCancel}>
      <p>{props.text}</p>
      <div className="row">
        <button type="button" className="danger" onClick={props.onConfirm}>
          {props.confirm}
        </button>
        <button type="button" onClick={props.onCancel} autoFocus>
          {props.cancel}
        </button>
      </div>
    </dialog>
  );
}
