import type { Route } from './executor';

// Medusa's defaults are order and region (with its providers); orders do not exist in Aegis yet.
const GIFT_CARD_RELATIONS = ['region', 'region.fulfillment_providers', 'region.payment_providers'];
const one = { envelope: { one: 'gift_card' }, relations: GIFT_CARD_RELATIONS } as const;

export const routes: Route[] = [
  { method: 'GET', path: '/admin/gift-cards', operation: 'giftCards', envelope: { list: 'gift_cards' }, relations: GIFT_CARD_RELATIONS },
  { method: 'POST', path: '/admin/gift-cards', operation: 'createGiftCard', ...one },
  { method: 'GET', path: '/admin/gift-cards/:id', operation: 'giftCard', ...one },
  { method: 'POST', path: '/admin/gift-cards/:id', operation: 'updateGiftCard', ...one },
  { method: 'DELETE', path: '/admin/gift-cards/:id', operation: 'deleteGiftCard', envelope: 'raw' },
];
