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
  if (!result) return result;
  const tree = query.include_descendants_tree === 'true';
  if (tree) for (const item of result.items) nest(item);
  if (hidesPath(query)) {
    for (const item of result.items) {
      // The list's own rows and its joined parents and children are read with the default
      // columns; only the descendants of a tree are whole rows.
      delete item.mpath;
      if (item.parent_category) delete item.parent_category.mpath;
      if (!tree) for (const child of item.category_children ?? []) delete child.mpath;
    }
  }
  return result;
}

export function nestTree(result: any, query: Record<string, unknown>): unknown {
  if (!result) return result;
  nest(result);
  if (hidesPath(query)) delete result.mpath;
  return result;
}

/**
 * Medusa reads a category with its default fields, which leave out `mpath` (the spec lists it,
 * the server does not send it); `fields=+mpath` or a plain `fields` list naming it brings it.
 */
function hidesPath(query: Record<string, unknown>): boolean {
  const tokens = typeof query.fields === 'string' ? query.fields.split(',').map((s) => s.trim()) : [];
  return !tokens.includes('mpath') && !tokens.includes('+mpath');
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
