import { SetMetadata } from '@nestjs/common';

export const SERVED_FROM_MEMORY = 'ladder:served-from-memory';

/**
 * The handler's own first response is the acknowledgement (opening a modal, or an immediate reply),
 * so it must do no I/O before it: everything it needs is in memory.
 */
export const ServedFromMemory = () => SetMetadata(SERVED_FROM_MEMORY, true);
