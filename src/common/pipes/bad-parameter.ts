import { BadRequestException } from '@nestjs/common';

/** A 400 whose body names the parameter at fault and what it must be. */
export function badParameter(parameter: string | undefined, expected: string): BadRequestException {
  const name = parameter ?? 'parameter';
  return new BadRequestException({ statusCode: 400, error: 'Bad Request', parameter: name, message: `${name} must be ${expected}` });
}
