/** Name and GUID look-ups over the catalogues of a program's locations. */
import { SELECTOR_KINDS, type MenuEntityKind, type RestaurantMenu, type SelectorList } from './catalogue.js';
import { normalizeName } from './close-matches.js';

/** GUIDs carrying one name at one restaurant. */
export interface NameHit {
  restaurantGuid: string;
  guids: string[];
}

export class MenuIndex {
  /** `${list}\u0000${restaurant}\u0000${normalized name}` → GUIDs */
  private readonly byName = new Map<string, Set<string>>();
  private readonly guids = new Map<SelectorList, Set<string>>();
  private readonly names = new Map<SelectorList, Set<string>>();

  constructor(readonly menus: RestaurantMenu[]) {
    for (const list of Object.keys(SELECTOR_KINDS) as SelectorList[]) {
      const kinds = new Set<MenuEntityKind>(SELECTOR_KINDS[list]);
      const guids = new Set<string>();
      const names = new Set<string>();
      for (const menu of menus) {
        for (const e of menu.entities) {
          if (!kinds.has(e.kind)) continue;
          guids.add(e.guid);
          names.add(e.name);
          const key = `${list}\u0000${menu.restaurantGuid}\u0000${normalizeName(e.name)}`;
          const set = this.byName.get(key) ?? new Set<string>();
          set.add(e.guid);
          this.byName.set(key, set);
        }
      }
      this.guids.set(list, guids);
      this.names.set(list, names);
    }
  }

  /** True when at least one location has a catalogue. */
  get empty(): boolean {
    return this.menus.length === 0;
  }

  /** For each restaurant, the GUIDs named `name` (an empty list where the name is absent). */
  lookup(list: SelectorList, name: string): NameHit[] {
    const n = normalizeName(name);
    return this.menus.map((m) => ({ restaurantGuid: m.restaurantGuid, guids: [...(this.byName.get(`${list}\u0000${m.restaurantGuid}\u0000${n}`) ?? [])] }));
  }

  knows(list: SelectorList, guid: string): boolean {
    return this.guids.get(list)?.has(guid) ?? false;
  }

  namesOf(list: SelectorList): Iterable<string> {
    return this.names.get(list) ?? [];
  }
}
