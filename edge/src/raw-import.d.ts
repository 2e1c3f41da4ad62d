/** `import text from "./file?raw"`: Vite (and the Workers test pool through it) inlines a file as a string. Tests only. */
declare module "*?raw" {
  const text: string;
  export default text;
}
