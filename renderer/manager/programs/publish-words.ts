/** Why a program was not published, in the manager's language (never a raw code). */
import { assertNever } from '../../../shared/result';
import type { Messages } from '../../i18n/en';
import type { PublishError } from './publish-program';

export function describePublishError(t: Messages, error: PublishError): string {
  const p = t.programs.editor.problem;
  switch (error.code) {
    case 'unchanged':
      return t.programs.editor.nothingToPublish;
    case 'manager_required':
      return p.manager_required;
    case 'unknown_program':
      return p.unknown_program;
    case 'changed_meanwhile':
      return p.changedMeanwhile(error.version);
    default:
      return assertNever(error);
  }
}
