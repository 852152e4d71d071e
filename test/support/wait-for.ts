export { waitUntil as waitFor } from '../../src/emulator/wait-until';
