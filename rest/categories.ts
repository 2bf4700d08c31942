import type { Route } from './executor';

const RELATIONS = ['category_children', 'parent_category'];

/**
 * A GraphQL selection cannot be infinitely deep, so trees travel as a flat `descendants` list
 * that these routes nest into Medusa's `category_children`, each level sorted by rank, down to
 * the leaves. Medusa answers a single category always with its whole tree, and a list only with
 * `include_descendants_tree=true`.
 */
const TREE = { include_descendants_tree: ['descendants'] };

type Node = Record<string, any>;

export function nestListTrees(result: any, query: Record<string, unknown>): unknown {
  if (query.include_descendants_tree === 'true' && result) for (const item of result.items) nest(item);
  return result;
}

export function nestTree(result: any): unknown {
  if (result) nest(result);
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

const one: Pick<Route, 'envelope' | 'relations' | 'reshape'> = { envelope: { one: 'product_category' }, relations: [...RELATIONS, 'descendants'], reshape: nestTree };

export const routes: Route[] = [
  { method: 'GET', path: '/admin/product-categories', operation: 'productCategories', envelope: { list: 'product_categories' }, relations: RELATIONS, relationsWhen: TREE, reshape: nestListTrees },
  { method: 'POST', path: '/admin/product-categories', operation: 'createProductCategory', ...one },
  { method: 'GET', path: '/admin/product-categories/:id', operation: 'productCategory', ...one },
  { method: 'POST', path: '/admin/product-categories/:id', operation: 'updateProductCategory', ...one },
  { method: 'DELETE', path: '/admin/product-categories/:id', operation: 'deleteProductCategory', envelope: 'raw' },
  { method: 'POST', path: '/admin/product-categories/:id/products/batch', operation: 'addProductsToCategory', ...one },
  { method: 'DELETE', path: '/admin/product-categories/:id/products/batch', operation: 'removeProductsFromCategory', ...one },
];
