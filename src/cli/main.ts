import { EXIT, UsageError } from './command.js';
import { commands } from './commands/index.js';

function help(): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    'chronicle: turns news articles into a sourced record of who did what to whom, when and where, and who said so.',
    '',
    'Usage: chronicle <command> [options]',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Run `chronicle <command> --help` for a command\'s options.',
  ].join('\n');
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(help() + '\n');
    return name ? EXIT.OK : EXIT.USAGE;
  }
  if (name === '--version' || name === '-v') {
    process.stdout.write('chronicle 0.1.0\n');
    return EXIT.OK;
  }
  const entry = commands.find((c) => c.name === name);
  if (!entry) {
    process.stderr.write(`chronicle: unknown command '${name}'\n\n${help()}\n`);
    return EXIT.USAGE;
  }
  const command = await entry.load();
  if (rest.includes('--help') || rest.includes('-h')) {
    process.stdout.write(command.usage.trimEnd() + '\n');
    return EXIT.OK;
  }
  try {
    return await command.run(rest);
  } catch (err) {
    if (err instanceof UsageError) {
      process.stderr.write(`chronicle ${name}: ${err.message}\n`);
      return EXIT.USAGE;
    }
    throw err;
  }
}
