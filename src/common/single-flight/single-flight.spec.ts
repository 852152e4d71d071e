import { SingleFlight } from './single-flight';

describe('SingleFlight', () => {
  it('lets one holder in per key until it releases', () => {
    const flights = new SingleFlight();
    const release = flights.tryEnter('terms/accept:m1:u1');
    expect(release).toBeDefined();
    expect(flights.tryEnter('terms/accept:m1:u1')).toBeUndefined();
    expect(flights.tryEnter('terms/accept:m1:u2')).toBeDefined();
    release!();
    expect(flights.tryEnter('terms/accept:m1:u1')).toBeDefined();
  });

  it('ignores a second release, which would otherwise free a later holder', () => {
    const flights = new SingleFlight();
    const first = flights.tryEnter('k')!;
    first();
    const second = flights.tryEnter('k')!;
    first();
    expect(flights.tryEnter('k')).toBeUndefined();
    second();
    expect(flights.tryEnter('k')).toBeDefined();
  });
});
