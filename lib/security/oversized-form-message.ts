const opening = "The form is larger than ";

/**
 * The sentence the start script's server answers (413, as plain text) to a form post past its action's
 * body limit (refuse-oversized-action-body.ts). Next's client raises a plain-text answer as the error's
 * message, so the error page can show it (isOversizedFormMessage) instead of "Something went wrong".
 */
export function oversizedFormMessage(limitText: string): string {
  return `${opening}${limitText}, the most this form takes, so nothing was saved. Go back, attach smaller files and send it again.`;
}

/** Whether an error's message is that sentence (and so safe and useful to show as it is). */
export function isOversizedFormMessage(message: string): boolean {
  return message.startsWith(opening);
}
