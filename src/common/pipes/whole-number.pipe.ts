import { ArgumentMetadata, Injectable, PipeTransform } from '@nestjs/common';
import { badParameter } from './bad-parameter';

export interface WholeNumberRange {
  min: number;
  max: number;
  /** Taken when the parameter is absent. */
  fallback?: number;
  /** Absent is allowed (undefined) even without a fallback. */
  optional?: boolean;
}

/** A whole number in a range from a route or query parameter, written in plain digits. */
@Injectable()
export class WholeNumberPipe implements PipeTransform<unknown, number | undefined> {
  constructor(private readonly range: WholeNumberRange) {}

  transform(value: unknown, metadata: ArgumentMetadata): number | undefined {
    const { min, max, fallback, optional } = this.range;
    if (value === undefined || value === '') {
      if (fallback !== undefined || optional) return fallback;
      throw badParameter(metadata.data, `given (a whole number from ${min} to ${max})`);
    }
    const number = typeof value === 'string' && /^\d{1,16}$/.test(value) ? Number(value) : NaN;
    if (!Number.isSafeInteger(number) || number < min || number > max) throw badParameter(metadata.data, `a whole number from ${min} to ${max}`);
    return number;
  }
}
