/** The SES identity every mail-sending function may send from (context `mailFromIdentity` overrides it). */
export const DEFAULT_MAIL_IDENTITY = 'innovasjonstorget.no';
