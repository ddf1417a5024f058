/** The notifier: a worker that turns the subgraphs' change-feed events into notifications, in the inboxes and by email. */
export { type Notifier, type NotifierDeps, type NotifierLogger, NOTIFIER_FEEDS, createNotifier } from './notifier';
export { type MailSender, type OutgoingMail, folderSender, messageIdOf, smtpSender, smtpTarget } from './mail';
export { schema as databaseSchema } from './database';
