/**
 * The library's only way to talk to the outside world: commands pass real effects, tests pass
 * silent ones. The library never prints by itself.
 */
export interface Effects {
  /** One line of progress (stderr). */
  progress(message: string): void;
  /** Final output (stdout). */
  output(text: string): void;
}

export const silentEffects: Effects = {
  progress: () => {},
  output: () => {},
};

export const consoleEffects: Effects = {
  progress: (message) => process.stderr.write(`${message}\n`),
  output: (text) => process.stdout.write(text.endsWith("\n") ? text : `${text}\n`),
};
