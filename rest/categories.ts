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
  if (query.include_descendants_tree === 'true') for (const item of result.items) nest(item);
  for (const item of result.items) withoutPaths(item, hidesPath(query));
  return result;
}

export function nestTree(result: any, query: Record<string, unknown>): unknown {
  if (!result) return result;
  nest(result);
  withoutPaths(result, hidesPath(query));
  return result;
}

/** Medusa's joined parents, children and descendants never carry `mpath`; the category itself only when asked. */
function withoutPaths(category: Node, own: boolean): void {
  if (own) delete category.mpath;
  if (category.parent_category) delete category.parent_category.mpath;
  for (const child of category.category_children ?? []) withoutPaths(child, true);
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

/** Medusa's default category columns (defaultProductCategoryFields): its single answers carry them whatever `fields` says. */
const COLUMNS = ['id', 'name', 'description', 'handle', 'is_active', 'is_internal', 'rank', 'parent_category_id', 'created_at', 'updated_at', 'metadata'];

const one: Pick<Route, 'envelope' | 'relations' | 'reshape' | 'allowedRelations' | 'always'> = {
  envelope: { one: 'product_category' }, relations: [...RELATIONS, 'descendants'], reshape: nestTree, allowedRelations: RELATIONS,
  always: (_relations, query) => (query.fields ? COLUMNS : []),
};

export const routes: Route[] = [
  { method: 'GET', path: '/admin/product-categories', operation: 'productCategories', envelope: { list: 'product_categories' }, relations: RELATIONS, relationsWhen: TREE, reshape: nestListTrees, allowedRelations: RELATIONS },
  { method: 'POST', path: '/admin/product-categories', operation: 'createProductCategory', ...one },
  { method: 'GET', path: '/admin/product-categories/:id', operation: 'productCategory', ...one },
  { method: 'POST', path: '/admin/product-categories/:id', operation: 'updateProductCategory', ...one },
  { method: 'DELETE', path: '/admin/product-categories/:id', operation: 'deleteProductCategory', envelope: 'raw' },
  { method: 'POST', path: '/admin/product-categories/:id/products/batch', operation: 'addProductsToCategory', ...one },
  { method: 'DELETE', path: '/admin/product-categories/:id/products/batch', operation: 'removeProductsFromCategory', ...one },
];
