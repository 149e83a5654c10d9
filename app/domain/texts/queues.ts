/** The start page's work queues: how long each proposal has waited, or since when work has run. */
export const queueTexts = {
  waited: (duration: string) => `Har ventet ${duration}`,
  inProgressSince: (date: string) => `Under gjennomføring siden ${date}`,
} as const;
