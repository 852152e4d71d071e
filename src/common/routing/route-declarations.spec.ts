import { defineRoute } from './custom-id-route';
import { assertRoutesDeclared } from './route-declarations';

describe('routes declared once for every handler', () => {
  const declared = defineRoute('spec-declared/:id', { id: /^\d+$/ });

  it('passes when every handler\'s custom id is a declared route', () => {
    expect(() => assertRoutesDeclared([{ pattern: declared.pattern, handler: 'Panel.click' }])).not.toThrow();
    expect(() => assertRoutesDeclared([])).not.toThrow();
  });

  it('fails naming each handler whose custom id was never declared', () => {
    const check = () =>
      assertRoutesDeclared([
        { pattern: declared.pattern, handler: 'Panel.click' },
        { pattern: 'spec-forgotten/:id', handler: 'Panel.forgotten' },
        { pattern: 'spec-modal', handler: 'Forms.submitted' },
      ]);
    expect(check).toThrow("Custom ids with no declared route (use defineRoute and build the id from it): Panel.forgotten ('spec-forgotten/:id'), Forms.submitted ('spec-modal')");
  });
});
