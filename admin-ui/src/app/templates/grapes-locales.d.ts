// The designer's Dutch texts ship without type declarations.
declare module 'grapesjs/locale/nl.mjs' {
  const messages: Record<string, unknown>;
  export default messages;
}

declare module 'grapesjs-mjml/locale/nl' {
  const messages: Record<string, unknown>;
  export default messages;
}
