// NOTE: the stopword package ships no type declarations; this covers the lists Haven uses.
declare module 'stopword' {
  export const eng: string[]
  export const spa: string[]
}
