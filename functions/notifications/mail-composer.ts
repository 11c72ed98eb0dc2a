import type MailComposerType from 'nodemailer/lib/mail-composer/index.js';

/**
 * nodemailer's MailComposer, loaded the first time a message is built: the functions that may send mail
 * (calls, questions, files, subscriptions) then pay nothing for it at import, only when they send.
 */
export async function mailComposer(options: ConstructorParameters<typeof MailComposerType>[0]): Promise<MailComposerType> {
  const { default: MailComposer } = await import('nodemailer/lib/mail-composer/index.js');
  return new MailComposer(options);
}
