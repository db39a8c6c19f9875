/** What a template renders: the subject and the plain-text body of one mail (the recipients are the service's). */
export interface RenderedMail {
  subject: string;
  text: string;
}
