import nodemailer from 'nodemailer';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  attachments: Array<{ filename: string; content: Buffer; contentType: string }>;
}

/** Sends e-mail; absent when no SMTP server is configured (then documents are "sent" as recorded letters only). */
export interface Mailer {
  send(mail: OutgoingMail): Promise<void>;
}

/** A mailer over `SMTP_URL` (e.g. `smtp://user:pass@smtp.example.com:587`), or null without one. */
export function createMailer(smtpUrl: string | undefined, from: string): Mailer | null {
  if (!smtpUrl) return null;
  const transport = nodemailer.createTransport(smtpUrl);
  return {
    async send(mail) {
      await transport.sendMail({ from, to: mail.to, subject: mail.subject, text: mail.text, attachments: mail.attachments });
    },
  };
}
