import type { Route } from './executor';

const RELATIONS = ['category_children', 'parent_category'];

/**
 * `include_descendants_tree=true`: the operation returns every descendant in a flat list (a
 * GraphQL selection cannot be infinitely deep); here they become Medusa's nested
 * `category_children`, each sorted by rank, down to the leaves.
 */
const TREE = { include_descendants_tree: ['descendants'] };

type Node = Record<string, any>;

export function nestDescendants(result: any, query: Record<string, unknown>): unknown {
  if (query.include_descendants_tree !== 'true' || !result) return result;
  for (const item of Array.isArray(result.items) ? result.items : [result]) nest(item);
  return result;
}

function nest(item: Node): void {
  const byParent = new Map<string, Node[]>();
  for (const node of (item.descendants ?? []) as Node[]) {
    byParent.set(node.parent_category_id, [...(byParent.get(node.parent_category_id) ?? []), node]);
  }
  delete item.descendants;
  const build = (node: Node): Node => ({
    ...node,
    category_children: (byParent.get(node.id) ?? []).sort((a, b) => a.rank - b.rank).map(build),
  });
  item.category_children = (byParent.get(item.id) ?? []).sort((a, b) => a.rank - b.rank).map(build);
}

const one = { envelope: { one: 'product_category' }, relations: RELATIONS } as const;

export const routes: Route[] = [
  { method: 'GET', path: '/admin/product-categories', operation: 'productCategories', envelope: { list: 'product_categories' }, relations: RELATIONS, relationsWhen: TREE, reshape: nestDescendants },
  { method: 'POST', path: '/admin/product-categories', operation: 'createProductCategory', ...one },
  { method: 'GET', path: '/admin/product-categories/:id', operation: 'productCategory', ...one, relationsWhen: TREE, reshape: nestDescendants },
  { method: 'POST', path: '/admin/product-categories/:id', operation: 'updateProductCategory', ...one },
  { method: 'DELETE', path: '/admin/product-categories/:id', operation: 'deleteProductCategory', envelope: 'raw' },
  { method: 'POST', path: '/admin/product-categories/:id/products/batch', operation: 'addProductsToCategory', ...one },
  { method: 'DELETE', path: '/admin/product-categories/:id/products/batch', operation: 'removeProductsFromCategory', ...one },
];
