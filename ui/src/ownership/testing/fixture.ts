// A small product: Checkout (Cart, Payments > {Cards, Wallets}) and Search, two teams; shared by the tests here.
import { syntheticOwnership } from "./syntheticOwnership";

export const PAYMENTS_TEAM = 900;
export const SEARCH_TEAM = 901;
export const AREA = { checkout: 1, cart: 2, payments: 3, cards: 4, wallets: 5, search: 6 } as const;

export function smallProduct() {
  return syntheticOwnership(
    [
      { id: AREA.checkout, name: "Checkout" },
      { id: AREA.cart, name: "Cart", parent: AREA.checkout, owner: SEARCH_TEAM },
      { id: AREA.payments, name: "Payments", parent: AREA.checkout },
      { id: AREA.cards, name: "Cards", parent: AREA.payments, complexity: "complicated", owner: PAYMENTS_TEAM },
      { id: AREA.wallets, name: "Wallets", parent: AREA.payments, contributors: [SEARCH_TEAM] },
      { id: AREA.search, name: "Search", complexity: "complex" },
    ],
    [
      { id: PAYMENTS_TEAM, name: "Payments team" },
      { id: SEARCH_TEAM, name: "Discovery", kind: "platform" },
    ],
  );
}

/** Scene row of an area id. */
export const rowOf = (scene: { areas: number[] }, id: number) => scene.areas.indexOf(id);
