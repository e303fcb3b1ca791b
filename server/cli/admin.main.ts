/** `npm run admin -- …`: see admin-cli.ts. */
import { adminCli } from './admin-cli';

process.exitCode = await adminCli(process.argv.slice(2), process.env, (line) => {
  console.log(line);
});
