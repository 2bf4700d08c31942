import { Collection, EntityName, LockMode } from '@mikro-orm/core';
import type { Context } from '../context';
import {
  Discount, DiscountCondition, DiscountConditionOperator, DiscountConditionType, DiscountRule, DiscountRuleType,
} from '../entities/discounts';
import { Region } from '../entities/regions';
import { Product } from '../entities/products';
import { ProductType } from '../entities/product-types';
import { ProductCollection } from '../entities/collections';
import { ProductTag } from '../entities/product-tags';
import { CustomerGroup } from '../entities/customer-groups';
import { AppError, duplicate, invalid, notAllowed, notFound } from '../lib/errors';
import { findPage, ListSpec, PageArgs, whereOf } from '../lib/list';
import { mergeMetadata } from '../lib/metadata';
import { DeleteResponse } from '../../schema/common';
import type {
  CreateDiscountInput, CreateDynamicCodeInput, DiscountConditionInput, DiscountConditionResourcesInput,
  DiscountConditionUpsertInput, DiscountFilter, ResourceIdInput, UpdateDiscountInput, UpdateDiscountRuleInput,
} from '../../schema/discounts';

const LIST: ListSpec = {
  orderable: ['code', 'createdAt', 'updatedAt', 'startsAt', 'endsAt'],
  searchable: ['code'],
};

// ---------------------------------------------------------------- discounts

export function listDiscounts(ctx: Context, filter: DiscountFilter | undefined, args: PageArgs) {
  const where = whereOf(filter, ['rule']);
  const rule = whereOf(filter?.rule);
  if (Object.keys(rule).length) where.rule = rule;
  return findPage(ctx, Discount, where, args, LIST);
}

export async function retrieveDiscount(ctx: Context, id: string, lock = false): Promise<Discount> {
  const discount = await ctx.em.findOne(Discount, { id }, { lockMode: lock ? LockMode.PESSIMISTIC_WRITE : undefined });
  // Medusa's own wording for discounts (no colon after "id").
  if (!discount) throw new AppError('not_found', `Discount with id ${id} was not found`);
  return discount;
}

/** Codes are stored upper-case, so the lookup ignores the case the client typed. */
export async function retrieveDiscountByCode(ctx: Context, code: string): Promise<Discount> {
  const discount = await ctx.em.findOne(Discount, { code: normalizeCode(code) });
  // Medusa's message names the code as the client typed it.
  if (!discount) throw new AppError('not_found', `Discounts with code ${code} was not found`);
  return discount;
}

export async function createDiscount(ctx: Context, input: CreateDiscountInput): Promise<Discount> {
  const code = normalizeCode(input.code);
  checkRuleValue(input.rule.type, input.rule.value);
  const startsAt = input.startsAt ?? new Date();
  checkWindow(startsAt, input.endsAt ?? null);
  checkDuration(input.validDuration);
  const regionIds = unique(input.regions);
  if (!regionIds.length) throw invalid('Discount must have at least 1 region');
  checkRegionCount(input.rule.type, regionIds.length);
  const regions = await findRegions(ctx, regionIds);
  await assertCodeFree(ctx, code);

  const rule = ctx.em.create(DiscountRule, {
    type: input.rule.type,
    value: input.rule.value,
    allocation: input.rule.allocation,
    description: input.rule.description ?? null,
  });
  const discount = ctx.em.create(Discount, {
    code,
    rule,
    isDynamic: input.isDynamic ?? false,
    isDisabled: input.isDisabled ?? false,
    startsAt,
    endsAt: input.endsAt ?? null,
    validDuration: input.validDuration ?? null,
    usageLimit: input.usageLimit ?? null,
    metadata: mergeMetadata(null, input.metadata),
  });
  discount.regions.set(regions);
  for (const condition of input.rule.conditions ?? []) await createCondition(ctx, rule, condition);
  await ctx.em.flush();
  return discount;
}

export async function updateDiscount(ctx: Context, id: string, input: UpdateDiscountInput): Promise<Discount> {
  const discount = await retrieveDiscount(ctx, id, true);
  const rule = await ruleOf(ctx, discount);
  if (input.code !== undefined && input.code !== null) {
    const code = normalizeCode(input.code);
    if (code !== discount.code) await assertCodeFree(ctx, code);
    discount.code = code;
  }
  if (input.rule) await updateRule(ctx, rule, discount, input.rule);
  if (input.regions) {
    const regionIds = unique(input.regions);
    checkRegionCount(rule.type, regionIds.length);
    discount.regions.set(await findRegions(ctx, regionIds));
  }
  if (input.startsAt) discount.startsAt = input.startsAt;
  if (input.endsAt !== undefined) discount.endsAt = input.endsAt;
  checkWindow(discount.startsAt, discount.endsAt ?? null);
  if (input.validDuration !== undefined) {
    checkDuration(input.validDuration);
    discount.validDuration = input.validDuration;
  }
  if (input.usageLimit !== undefined) discount.usageLimit = input.usageLimit;
  if (input.isDisabled !== undefined && input.isDisabled !== null) discount.isDisabled = input.isDisabled;
  if (input.metadata !== undefined) discount.metadata = mergeMetadata(discount.metadata, input.metadata);
  await ctx.em.flush();
  return discount;
}

/**
 * Soft delete; the dynamic codes of a dynamic discount go with it, and their codes are free again.
 * Idempotent as in Medusa: an unknown or already deleted id answers the same confirmation.
 */
export async function deleteDiscount(ctx: Context, id: string): Promise<DeleteResponse> {
  const discount = await ctx.em.findOne(Discount, { id });
  if (!discount) return DeleteResponse.of(id, 'discount');
  const now = new Date();
  discount.deletedAt = now;
  for (const child of await ctx.em.find(Discount, { parentDiscount: discount })) child.deletedAt = now;
  await ctx.em.flush();
  return DeleteResponse.of(id, 'discount');
}

// ---------------------------------------------------------------- dynamic codes

/**
 * A code of a dynamic discount: it shares the parent's rule (and, through the parent, its
 * regions), takes the parent's usage limit (always, as the real server does: a limit in the
 * request is validated but not used), and expires the parent's `valid_duration` after its creation.
 */
export async function createDynamicCode(ctx: Context, id: string, input: CreateDynamicCodeInput): Promise<Discount> {
  const parent = await retrieveDiscount(ctx, id);
  if (!parent.isDynamic || parent.parentDiscount) throw notAllowed('Discount must be set to dynamic');
  const code = normalizeCode(input.code);
  await assertCodeFree(ctx, code);
  const now = new Date();
  const child = ctx.em.create(Discount, {
    code,
    rule: parent.rule ?? null,
    parentDiscount: parent,
    isDynamic: true,
    isDisabled: false,
    startsAt: now,
    endsAt: parent.validDuration ? addDuration(now, parent.validDuration) : null,
    usageLimit: parent.usageLimit ?? null,
    metadata: mergeMetadata(null, input.metadata),
  });
  await ctx.em.flush();
  return child;
}

/**
 * Removes one code of a dynamic discount; answers the parent discount, as Medusa does. A code the
 * discount does not have changes nothing (Medusa answers the discount all the same).
 */
export async function deleteDynamicCode(ctx: Context, id: string, code: string): Promise<Discount> {
  const parent = await retrieveDiscount(ctx, id);
  const child = await ctx.em.findOne(Discount, { parentDiscount: parent, code: normalizeCode(code) });
  if (child) {
    child.deletedAt = new Date();
    await ctx.em.flush();
  }
  return parent;
}

// ---------------------------------------------------------------- regions

export async function addDiscountRegion(ctx: Context, id: string, regionId: string): Promise<Discount> {
  const discount = await retrieveDiscount(ctx, id, true);
  const rule = await ruleOf(ctx, discount);
  await discount.regions.init();
  if (discount.regions.getItems().some((r) => r.id === regionId)) return discount;
  checkRegionCount(rule.type, discount.regions.length + 1);
  const [region] = await findRegions(ctx, [regionId]);
  discount.regions.add(region);
  await ctx.em.flush();
  return discount;
}

/** Removing a region the discount does not have changes nothing, as in Medusa. */
export async function removeDiscountRegion(ctx: Context, id: string, regionId: string): Promise<Discount> {
  const discount = await retrieveDiscount(ctx, id, true);
  await discount.regions.init();
  const region = discount.regions.getItems().find((r) => r.id === regionId);
  if (region) {
    discount.regions.remove(region);
    await ctx.em.flush();
  }
  return discount;
}

// ---------------------------------------------------------------- conditions

export async function retrieveDiscountCondition(ctx: Context, discountId: string, conditionId: string): Promise<DiscountCondition> {
  const discount = await retrieveDiscount(ctx, discountId);
  return conditionOf(ctx, discount, conditionId);
}

export async function createDiscountCondition(ctx: Context, discountId: string, input: DiscountConditionInput): Promise<Discount> {
  const discount = await retrieveDiscount(ctx, discountId, true);
  await createCondition(ctx, await ruleOf(ctx, discount), input);
  await ctx.em.flush();
  return discount;
}

/** Replaces the condition's resources; they must be of the condition's kind. */
export async function updateDiscountCondition(
  ctx: Context, discountId: string, conditionId: string, input: DiscountConditionResourcesInput,
): Promise<Discount> {
  const discount = await retrieveDiscount(ctx, discountId, true);
  const condition = await conditionOf(ctx, discount, conditionId);
  await replaceResources(ctx, condition, input);
  await ctx.em.flush();
  return discount;
}

/**
 * Conditions are removed for good (their resource links go with them), as Medusa does. Idempotent
 * like Medusa's: an unknown condition answers the confirmation with the discount; a condition of
 * another discount is a 404 here (where the other condition routes answer 400).
 */
export async function deleteDiscountCondition(ctx: Context, discountId: string, conditionId: string) {
  const discount = await retrieveDiscount(ctx, discountId, true);
  const condition = await ctx.em.findOne(DiscountCondition, { id: conditionId });
  if (condition) {
    if (condition.discountRule.id !== discount.rule?.id) throw new AppError('not_found', notOfDiscount(conditionId, discount.id));
    await ctx.em.remove(condition).flush();
  }
  return { id: conditionId, object: 'discount-condition', deleted: true, discount };
}

export async function addDiscountConditionResources(
  ctx: Context, discountId: string, conditionId: string, resources: ResourceIdInput[],
): Promise<Discount> {
  const discount = await retrieveDiscount(ctx, discountId, true);
  const condition = await conditionOf(ctx, discount, conditionId);
  checkSomeResources(resources);
  const kind = KINDS[condition.type];
  const items = await findAll<Linked>(ctx, kind.entity, unique(resources.map((r) => r.id)), kind.label);
  const links = await linksOf(condition, condition.type);
  for (const item of items) if (!links.contains(item)) links.add(item);
  await ctx.em.flush();
  return discount;
}

/** Ids the condition does not list are ignored. */
export async function removeDiscountConditionResources(
  ctx: Context, discountId: string, conditionId: string, resources: ResourceIdInput[],
): Promise<Discount> {
  const discount = await retrieveDiscount(ctx, discountId, true);
  const condition = await conditionOf(ctx, discount, conditionId);
  checkSomeResources(resources);
  const links = await linksOf(condition, condition.type);
  const ids = new Set(resources.map((r) => r.id));
  links.remove(links.getItems().filter((item) => ids.has(item.id)));
  await ctx.em.flush();
  return discount;
}

// ---------------------------------------------------------------- rules

async function ruleOf(ctx: Context, discount: Discount): Promise<DiscountRule> {
  if (!discount.rule) throw invalid(`Discount ${discount.id} has no rule`);
  return ctx.em.findOneOrFail(DiscountRule, { id: discount.rule.id });
}

async function updateRule(ctx: Context, rule: DiscountRule, discount: Discount, input: UpdateDiscountRuleInput): Promise<void> {
  if (input.id !== rule.id) throw invalid(`Discount rule with id ${input.id} is not the rule of discount ${discount.id}`);
  if (input.value !== undefined && input.value !== null) {
    checkRuleValue(rule.type, input.value);
    rule.value = input.value;
  }
  if (input.allocation !== undefined && input.allocation !== null) rule.allocation = input.allocation;
  if (input.description !== undefined) rule.description = input.description;
  for (const condition of input.conditions ?? []) await upsertCondition(ctx, rule, condition);
}

function checkRuleValue(type: DiscountRuleType, value: number): void {
  // Here rather than a class rule, so that a mistyped value is refused in Medusa's words only.
  if (value < 0) throw invalid('value must not be less than 0');
  if (type === DiscountRuleType.percentage && value > 100) {
    throw invalid('Discount value above 100 is not allowed when type is percentage');
  }
}

function checkRegionCount(type: DiscountRuleType, count: number): void {
  if (type === DiscountRuleType.fixed && count > 1) throw invalid('Fixed discounts can have one region');
}

function checkWindow(startsAt: Date, endsAt: Date | null): void {
  if (endsAt && endsAt.getTime() <= startsAt.getTime()) throw invalid('"ends_at" must be greater than "starts_at"');
}

// ---------------------------------------------------------------- codes

function normalizeCode(code: string): string {
  const normalized = code.trim().toUpperCase();
  if (!normalized) throw invalid('code must not be empty');
  return normalized;
}

/** Among live discounts; the unique index settles a race between two creates. */
async function assertCodeFree(ctx: Context, code: string): Promise<void> {
  if (await ctx.em.count(Discount, { code })) throw duplicate(`Discount with code ${code} already exists.`);
}

// ---------------------------------------------------------------- condition helpers

/** Each condition kind: the entity it lists, the relation holding the links, and its name in errors. */
const KINDS = {
  [DiscountConditionType.products]: { entity: Product, prop: 'products', label: 'Product' },
  [DiscountConditionType.product_types]: { entity: ProductType, prop: 'productTypes', label: 'Product type' },
  [DiscountConditionType.product_collections]: { entity: ProductCollection, prop: 'productCollections', label: 'Product collection' },
  [DiscountConditionType.product_tags]: { entity: ProductTag, prop: 'productTags', label: 'Product tag' },
  [DiscountConditionType.customer_groups]: { entity: CustomerGroup, prop: 'customerGroups', label: 'Customer group' },
} as const satisfies Record<DiscountConditionType, { entity: EntityName<any>; prop: keyof DiscountCondition; label: string }>;

const INPUT_FIELD: Record<DiscountConditionType, keyof DiscountConditionResourcesInput> = {
  [DiscountConditionType.products]: 'products',
  [DiscountConditionType.product_types]: 'productTypes',
  [DiscountConditionType.product_collections]: 'productCollections',
  [DiscountConditionType.product_tags]: 'productTags',
  [DiscountConditionType.customer_groups]: 'customerGroups',
};

/** The one kind of resource an input lists, and the ids; none or several is a 400. */
function kindOf(input: DiscountConditionResourcesInput): { type: DiscountConditionType; ids: string[] } {
  const given = (Object.keys(INPUT_FIELD) as DiscountConditionType[]).filter((type) => input[INPUT_FIELD[type]]?.length);
  if (!given.length) throw invalid('Missing one of products, collections, tags, types or customer groups in data');
  if (given.length > 1) throw invalid(`A condition lists one kind of resource, not ${given.join(' and ')}`);
  return { type: given[0], ids: unique(input[INPUT_FIELD[given[0]]]!) };
}

async function createCondition(ctx: Context, rule: DiscountRule, input: DiscountConditionInput): Promise<DiscountCondition> {
  const { type, ids } = kindOf(input);
  await assertNoTwin(ctx, rule, type, input.operator);
  const condition = ctx.em.create(DiscountCondition, { type, operator: input.operator, discountRule: rule });
  const kind = KINDS[type];
  (condition[kind.prop] as Collection<Linked>).set(await findAll<Linked>(ctx, kind.entity, ids, kind.label));
  return condition;
}

/** With an id, the existing condition gets the operator and its resources are replaced; without, a new one. */
async function upsertCondition(ctx: Context, rule: DiscountRule, input: DiscountConditionUpsertInput): Promise<void> {
  if (!input.id) {
    if (!input.operator) throw invalid('operator must be one of the following values: in, not_in');
    await createCondition(ctx, rule, { ...input, operator: input.operator });
    return;
  }
  const condition = await ctx.em.findOne(DiscountCondition, { id: input.id, discountRule: rule });
  if (!condition) throw conditionNotFound(input.id);
  // Without an operator the condition keeps its own (Medusa's update makes it optional).
  if (input.operator && input.operator !== condition.operator) {
    await assertNoTwin(ctx, rule, condition.type, input.operator);
    condition.operator = input.operator;
  }
  await replaceResources(ctx, condition, input);
}

async function replaceResources(ctx: Context, condition: DiscountCondition, input: DiscountConditionResourcesInput): Promise<void> {
  const { type, ids } = kindOf(input);
  if (type !== condition.type) throw invalid(`Condition ${condition.id} lists ${condition.type}, not ${type}`);
  const kind = KINDS[type];
  const links = await linksOf(condition, type);
  links.set(await findAll<Linked>(ctx, kind.entity, ids, kind.label));
}

/** An empty batch is refused, as Medusa's condition service refuses a condition without resources. */
function checkSomeResources(resources: ResourceIdInput[]): void {
  if (!resources.length) throw invalid('Missing one of products, collections, tags, types or customer groups in data');
}

/** Any resource a condition can list: they are all records with an id. */
type Linked = { id: string };

/** The loaded links of a condition for its kind (one query). */
async function linksOf(condition: DiscountCondition, type: DiscountConditionType): Promise<Collection<Linked>> {
  const links = condition[KINDS[type].prop] as Collection<Linked>;
  await links.init();
  return links;
}

/** A rule has at most one condition per kind and operator (Medusa's unique key). */
async function assertNoTwin(ctx: Context, rule: DiscountRule, type: DiscountConditionType, operator: DiscountConditionOperator): Promise<void> {
  const pending = ctx.em.getUnitOfWork().getPersistStack();
  const inFlush = [...pending].some((e) => e instanceof DiscountCondition && e.discountRule === rule && e.type === type && e.operator === operator);
  if (inFlush || (await ctx.em.count(DiscountCondition, { discountRule: rule, type, operator }))) {
    throw duplicate(`Discount Condition with operator '${operator}' and type '${type}' already exist on a Discount Rule`);
  }
}

/** The condition, checked to belong to the discount's rule (a 400, as Medusa's check answers). */
async function conditionOf(ctx: Context, discount: Discount, conditionId: string): Promise<DiscountCondition> {
  const condition = await ctx.em.findOne(DiscountCondition, { id: conditionId });
  if (!condition) throw conditionNotFound(conditionId);
  if (condition.discountRule.id !== discount.rule?.id) throw invalid(notOfDiscount(conditionId, discount.id));
  return condition;
}

const conditionNotFound = (id: string) => new AppError('not_found', `DiscountCondition with id ${id} was not found`);
const notOfDiscount = (conditionId: string, discountId: string) =>
  `Condition with id ${conditionId} does not belong to Discount with id ${discountId}`;

// ---------------------------------------------------------------- generic helpers

function unique(ids: string[]): string[] {
  return [...new Set(ids)];
}

/** Regions by id; a missing one is reported in the region service's words, as Medusa does. */
async function findRegions(ctx: Context, ids: string[]): Promise<Region[]> {
  const rows = await ctx.em.find(Region, { id: { $in: ids } });
  const byId = new Map(rows.map((r) => [r.id, r]));
  const missing = ids.find((id) => !byId.has(id));
  if (missing) throw new AppError('not_found', `Region with ${missing} was not found`);
  return ids.map((id) => byId.get(id)!);
}

/** Every id found (one query), or a 404 naming the first missing one. */
async function findAll<T extends { id: string }>(ctx: Context, entity: EntityName<T>, ids: string[], label: string): Promise<T[]> {
  if (!ids.length) return [];
  const rows = await ctx.em.find(entity, { id: { $in: ids } } as any);
  const byId = new Map(rows.map((r) => [r.id, r]));
  const missing = ids.find((id) => !byId.has(id));
  if (missing) throw notFound(label, missing);
  return ids.map((id) => byId.get(id)!);
}

// ---------------------------------------------------------------- ISO 8601 durations

const DURATION = /^P(?!$)(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?=\d)(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:[.,]\d+)?)S)?)?$/;

function checkDuration(value: string | null | undefined): void {
  if (value !== undefined && value !== null && !DURATION.test(value)) {
    throw invalid('valid_duration must be a valid ISO 8601 duration, e.g. P1M2D');
  }
  // A code made later ends at now + the duration, which must be a date PostgreSQL can store.
  if (value && !(addDuration(new Date(), value).getUTCFullYear() <= 9999)) throw invalid('valid_duration is too long');
}

/** `from` plus the duration, calendar-aware (P1M from 31 January is the end of February's overflow, as Date does). */
export function addDuration(from: Date, duration: string): Date {
  const m = DURATION.exec(duration);
  if (!m) throw invalid('valid_duration must be a valid ISO 8601 duration, e.g. P1M2D');
  const [years, months, weeks, days, hours, minutes] = m.slice(1, 7).map((v) => Number(v ?? 0));
  const seconds = Number((m[7] ?? '0').replace(',', '.'));
  const d = new Date(from.getTime());
  d.setUTCFullYear(d.getUTCFullYear() + years, d.getUTCMonth() + months, d.getUTCDate() + weeks * 7 + days);
  return new Date(d.getTime() + ((hours * 60 + minutes) * 60 + seconds) * 1000);
}
