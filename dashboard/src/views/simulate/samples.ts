/**
 * Sample Toast checks on the demo program's burger menu (rules/programs/demo.json), as the
 * register sends them (dollars). Each call makes fresh GUIDs, like a new check.
 */
const MENU = {
  burger: { item: 'a1f0c3d2-0001-4b5e-9c1a-000000000001', group: 'a1f0c3d2-1001-4b5e-9c1a-000000001001', name: 'Classic Burger', price: 8.99 },
  fries: { item: 'a1f0c3d2-0010-4b5e-9c1a-000000000010', group: 'a1f0c3d2-1002-4b5e-9c1a-000000001002', name: 'Fries', price: 3.49 },
} as const;

type Dish = keyof typeof MENU;

function selection(dish: Dish) {
  const m = MENU[dish];
  return {
    guid: crypto.randomUUID(), entityType: 'MenuItemSelection', displayName: m.name, quantity: 1,
    preDiscountPrice: m.price, price: m.price, tax: 0, voided: false,
    item: { guid: m.item, entityType: 'MenuItem' }, itemGroup: { guid: m.group, entityType: 'MenuGroup' },
    appliedDiscounts: [], modifiers: [],
  };
}

function check(dishes: Dish[]) {
  const cents = dishes.reduce((s, d) => s + Math.round(MENU[d].price * 100), 0);
  return {
    guid: crypto.randomUUID(), entityType: 'Check', displayNumber: '42', paymentStatus: 'OPEN',
    amount: cents / 100, taxAmount: 0, totalAmount: cents / 100,
    selections: dishes.map(selection), appliedDiscounts: [], payments: [],
  };
}

export const sampleChecks: readonly { id: string; label: string; make: () => unknown }[] = [
  { id: 'two-burgers-fries', label: 'Two Classic Burgers and Fries ($21.47)', make: () => check(['burger', 'burger', 'fries']) },
  { id: 'burger', label: 'One Classic Burger ($8.99)', make: () => check(['burger']) },
  { id: 'fries', label: 'Fries only ($3.49)', make: () => check(['fries']) },
  { id: 'big-order', label: 'Four burgers and two fries ($42.94)', make: () => check(['burger', 'burger', 'burger', 'burger', 'fries', 'fries']) },
];
