/** The declared admin routes are consistent: what the router and the OpenAPI document rely on. */
import { expect } from 'chai';
import { adminRouteList } from '../../../server/admin/routes/index.js';

describe('admin route list', () => {
  it('has unique operation ids and unique method + path pairs', () => {
    const ids = adminRouteList.map((r) => r.id);
    expect(new Set(ids).size).to.equal(ids.length);
    const keys = adminRouteList.map((r) => `${r.method} ${r.path}`);
    expect(new Set(keys).size).to.equal(keys.length);
  });

  it('declares an audit action on every write route', () => {
    const writes = adminRouteList.filter((r) => r.method !== 'get' && !r.changesNothing);
    expect(writes.length).to.be.greaterThan(0);
    for (const route of writes) expect(route.audit, route.id).to.match(/^[a-z]+(\.[a-z-]+)+$/);
    for (const route of adminRouteList.filter((r) => r.changesNothing)) expect(route.audit, route.id).to.equal(undefined);
  });

  it('validates every path parameter, and program routes name {programId}', () => {
    for (const route of adminRouteList) {
      const names = [...route.path.matchAll(/\{([A-Za-z0-9_]+)\}/g)].map((m) => m[1]);
      const declared = Object.keys((route.params?.properties ?? {}) as object);
      expect(declared.sort(), route.id).to.deep.equal([...names].sort());
      if (route.access === 'program') expect(names, route.id).to.include('programId');
    }
  });
});
