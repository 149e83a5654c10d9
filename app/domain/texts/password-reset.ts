/** Texts of "Glemt passord?": the request, the e-mail and choosing a new password. */
export const passwordResetTexts = {
  link: "Glemt passord?",
  request: {
    title: "Glemt passord",
    intro:
      "Skriv e-postadressen du logger inn med. Hvis den hører til en konto som logger inn med passord, sender vi en lenke der du kan velge nytt passord.",
    email: "E-post",
    submit: "Send lenke",
    sent: "Hvis adressen hører til en konto som logger inn med passord, har vi sendt en lenke dit. Lenken virker i én time og kan brukes én gang. Sjekk også søppelpost.",
    emailInvalid: "Skriv en gyldig e-postadresse, for eksempel navn@kommune.no.",
    throttled: (minutes: number) =>
      `For mange forespørsler fra denne adressen. Vent ${minutes} minutter og prøv igjen.`,
    backToLogin: "Tilbake til innlogging",
  },
  email: {
    subject: "Nytt passord til Innspill",
    greeting: (name: string) => `Hei ${name}!`,
    body: "Noen (forhåpentligvis du) har bedt om å få velge nytt passord til Innspill. Bruk lenken under for å velge nytt passord. Lenken virker i én time og kan brukes én gang.",
    linkText: "Velg nytt passord",
    ignore: "Har du ikke bedt om dette, kan du se bort fra denne e-posten. Passordet ditt er ikke endret.",
    sessions: "Når du velger nytt passord, blir du logget ut overalt der du er innlogget.",
  },
  choose: {
    title: "Velg nytt passord",
    intro: "Velg et nytt passord. Du blir logget ut på alle enheter der du er innlogget.",
    newPassword: "Nytt passord",
    newPasswordHint: "Minst 12 tegn.",
    repeatPassword: "Gjenta nytt passord",
    submit: "Lagre nytt passord",
    done: "Passordet er byttet. Logg inn med det nye passordet.",
    expired: "Lenken er utløpt. Den virker i én time. Be om en ny lenke.",
    used: "Lenken er allerede brukt. Hver lenke kan brukes én gang. Be om en ny lenke hvis du trenger det.",
    invalid: "Lenken er ugyldig. Sjekk at du har kopiert hele lenken, eller be om en ny.",
    requestNew: "Be om en ny lenke",
  },
} as const;
