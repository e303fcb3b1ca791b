/**
 * The words of one area of the app in both languages, side by side: German must have
 * exactly English's shape (the compiler checks it). en.ts and de.ts take each area's
 * half, so an area's words live in one file of their own.
 */
export const bilingual = <T>(messages: { readonly en: T; readonly de: NoInfer<T> }) => messages;
