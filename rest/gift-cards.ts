import type { Route } from './executor';
import { without } from './_keys';
import { plainOrder } from './orders';

// Medusa's defaults are the region and the order (a plain relation, without totals), and its
// selected columns leave out `order_id`. Only the list reads the query string, and it takes
// neither `expand` nor `fields`.
const GIFT_CARD_RELATIONS = ['region', 'order'];
const dropOrderId = without(['order_id']);
const reshape = (result: any) => {
  const out = dropOrderId(result);
  for (const card of Array.isArray(out?.items) ? out.items : [out]) plainOrder(card?.order);
  return out;
};
const one = { envelope: { one: 'gift_card' }, relations: GIFT_CARD_RELATIONS, ignoresQuery: true, reshape } as const;

export const routes: Route[] = [
  { method: 'GET', path: '/admin/gift-cards', operation: 'giftCards', envelope: { list: 'gift_cards' }, relations: GIFT_CARD_RELATIONS, queryParams: ['limit', 'offset', 'q', 'order'], queryWords: { limit: 'must be an integer number', offset: 'must be an integer number' }, reshape },
  { method: 'POST', path: '/admin/gift-cards', operation: 'createGiftCard', ...one },
  { method: 'GET', path: '/admin/gift-cards/:id', operation: 'giftCard', ...one },
  { method: 'POST', path: '/admin/gift-cards/:id', operation: 'updateGiftCard', ...one },
  { method: 'DELETE', path: '/admin/gift-cards/:id', operation: 'deleteGiftCard', envelope: 'raw', ignoresQuery: true },
];
