/** Every namespace of messages, each with the same keys in both languages (a test checks). */
import common from './screens/common-messages';
import expert from './screens/expert/messages';
import files from './screens/files/messages';
import imports from './screens/imports/messages';
import inbox from './screens/inbox/messages';
import office from './screens/office/messages';
import organizer from './screens/organizer/messages';
import publicPages from './screens/public/messages';
import signin from './screens/signin/messages';
import unit from './screens/unit/messages';

/** A namespace's messages: nested keys to strings, the same shape in zh and en. */
export type Messages = { [key: string]: string | Messages };
export interface Namespace {
  zh: Messages;
  en: Messages;
}

export const MESSAGES: Record<string, Namespace> = {
  common,
  public: publicPages,
  signin,
  office,
  expert,
  unit,
  organizer,
  files,
  imports,
  inbox,
};
