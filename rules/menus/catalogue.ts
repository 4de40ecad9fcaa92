/**
 * A restaurant's menu catalogue as plain data: every menu entity Toast knows, with its name and
 * GUID. Rule-file validation receives catalogues as data (the engine does no I/O); the server
 * builds them from Toast's menus API or an exported menus document and stores them.
 */

/** What a catalogue entry is. A modifier option's GUID is its item reference's GUID. */
export type MenuEntityKind = 'MENU' | 'GROUP' | 'ITEM' | 'MODIFIER' | 'MODIFIER_GROUP' | 'SALES_CATEGORY';

export interface MenuEntity {
  kind: MenuEntityKind;
  guid: string;
  name: string;
  /** Base price in integer cents; null when Toast gives none (size or open prices). ITEM and MODIFIER only. */
  priceCents?: number | null;
  /** Menu groups the item appears in (an item may appear in several menus). ITEM only. */
  groupGuids?: string[];
  /** Sales category of an item or modifier option, when it has one. */
  salesCategoryGuid?: string | null;
}

/** One restaurant's catalogue at one Toast publication (`lastUpdated`). */
export interface RestaurantMenu {
  restaurantGuid: string;
  /** Toast's publication timestamp of this menu data, as Toast wrote it. */
  lastUpdated: string;
  entities: MenuEntity[];
}

/** The kinds a rule-file item selector list draws on. */
export const SELECTOR_KINDS = {
  menuItems: ['ITEM', 'MODIFIER'],
  menuGroups: ['GROUP'],
  salesCategories: ['SALES_CATEGORY'],
} as const satisfies Record<string, readonly MenuEntityKind[]>;

export type SelectorList = keyof typeof SELECTOR_KINDS;

/** Words for messages: "menu item", "menu group", "sales category". */
export const SELECTOR_NOUN: Record<SelectorList, string> = {
  menuItems: 'menu item',
  menuGroups: 'menu group',
  salesCategories: 'sales category',
};
