import { SetMetadata } from '@nestjs/common';

export const DISABLE_ON_CLICK = 'ladder:disable-on-click';

/**
 * The click is acknowledged by an update that disables the message's components and shows that it is
 * being processed; the handler finishes with an edit.
 */
export const DisableOnClick = () => SetMetadata(DISABLE_ON_CLICK, true);
