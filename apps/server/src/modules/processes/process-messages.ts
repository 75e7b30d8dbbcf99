import { Locale } from '../auth/user.entity';

/** Texts of the notifications about process tasks, in the recipient's language. */
const MESSAGES = {
  [Locale.ru]: {
    assigned: (title: string) => `Новая задача: ${title}`,
    redirected: (title: string, from: string) => `${from} передал(а) вам задачу: ${title}`,
    overdue: (title: string) => `Просрочена задача: ${title}`,
    performer: (name: string) => `Исполнитель: ${name}`,
    deadline: (at: string) => `Срок: ${at}`,
  },
  [Locale.en]: {
    assigned: (title: string) => `New task: ${title}`,
    redirected: (title: string, from: string) => `${from} handed you a task: ${title}`,
    overdue: (title: string) => `Overdue task: ${title}`,
    performer: (name: string) => `Performer: ${name}`,
    deadline: (at: string) => `Due: ${at}`,
  },
};

export function processMessages(locale: Locale | string | null | undefined) {
  return MESSAGES[locale === Locale.en ? Locale.en : Locale.ru];
}
