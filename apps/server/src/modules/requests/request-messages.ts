/** Texts the server writes for people (notifications, the supervisor's control task), in the recipient's language. */
export type Locale = 'ru' | 'en';

const ru = {
  critical: (number: string, subject: string) => `Критичное обращение ${number}: ${subject}`,
  assigned: (number: string, subject: string) => `Вам назначено обращение ${number}: ${subject}`,
  confirm: (number: string, subject: string) => `Подтвердите закрытие критичного обращения ${number}: ${subject}`,
  breached: (which: 'REACTION' | 'RESOLUTION', number: string, subject: string) =>
    `${which === 'REACTION' ? 'Нарушен срок реакции' : 'Нарушен срок решения'} по обращению ${number}: ${subject}`,
  takeControl: (number: string) => `Взять под контроль обращение ${number}`,
  responsible: (name: string) => `Ответственный: ${name}`,
};

const en: typeof ru = {
  critical: (number, subject) => `Critical request ${number}: ${subject}`,
  assigned: (number, subject) => `Request ${number} was assigned to you: ${subject}`,
  confirm: (number, subject) => `Confirm the closure of critical request ${number}: ${subject}`,
  breached: (which, number, subject) => `${which === 'REACTION' ? 'Reaction' : 'Resolution'} deadline breached on request ${number}: ${subject}`,
  takeControl: (number) => `Take request ${number} under control`,
  responsible: (name) => `Responsible: ${name}`,
};

export const requestMessages = (locale: Locale | string | null | undefined) => (locale === 'en' ? en : ru);
