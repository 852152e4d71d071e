import { SetMetadata } from '@nestjs/common';

export const PUBLIC_REPLY = 'ladder:public-reply';

/** The command's answer is seen by the channel; by default answers are ephemeral. */
export const PublicReply = () => SetMetadata(PUBLIC_REPLY, true);
