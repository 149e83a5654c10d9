/**
 * How a date is written in every hint and date error: as a Norwegian browser's date picker
 * shows it (dd.mm.åååå), whatever the field sends (the picker sends ISO, a typed date is read too).
 */
export const dateFormat = "dd.mm.åååå";
