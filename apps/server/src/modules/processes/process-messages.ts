import { DateTime } from 'luxon';
import { Locale } from '../auth/user.entity';

/** A deadline as the recipient reads it: their time zone, their language (28.11.2026, 18:00 / Nov 28, 2026, 6:00 PM). */
const when = (at: Date, timeZone: string, locale: Locale) =>
  DateTime.fromJSDate(at).setZone(timeZone).setLocale(locale).toLocaleString(DateTime.DATETIME_MED);

/** Texts of the notifications about process tasks, in the recipient's language. */
const MESSAGES = {
  [Locale.ru]: {
    assigned: (title: string) => `Новая задача: ${title}`,
    redirected: (title: string, from: string) => `${from} передал(а) вам задачу: ${title}`,
    overdue: (title: string) => `Просрочена задача: ${title}`,
    performer: (name: string) => `Исполнитель: ${name}`,
    deadline: (at: Date, timeZone: string) => `Срок: ${when(at, timeZone, Locale.ru)}`,
  },
  [Locale.en]: {
    assigned: (title: string) => `New task: ${title}`,
    redirected: (title: string, from: string) => `${from} handed you a task: ${title}`,
    overdue: (title: string) => `Overdue task: ${title}`,
    performer: (name: string) => `Performer: ${name}`,
    deadline: (at: Date, timeZone: string) => `Due: ${when(at, timeZone, Locale.en)}`,
  },
};

export function processMessages(locale: Locale | string | null | undefined) {
  return MESSAGES[locale === Locale.en ? Locale.en : Locale.ru];
}
