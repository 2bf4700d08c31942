import { Arg, Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../src/context';
import { Customer } from '../src/entities/customers';
import { Notification, NotificationProvider } from '../src/entities/notifications';
import * as notifications from '../src/services/notifications';
import { NotificationList, NotificationListArgs, ResendNotificationInput } from '../schema/notifications';

@Resolver(() => Notification)
export class NotificationsResolver {
  @Query(() => NotificationList, { description: 'Notifications, newest first; resends only with includeResends.' })
  notifications(@Args() { filter, ...page }: NotificationListArgs, @Ctx() ctx: Context) {
    return notifications.listNotifications(ctx, filter, page);
  }

  @Mutation(() => Notification, { description: 'Sends a notification again; answers the original with its resends.' })
  resendNotification(@Arg('id') id: string, @Arg('input', () => ResendNotificationInput, { nullable: true }) input: ResendNotificationInput | undefined, @Ctx() ctx: Context) {
    return notifications.resendNotification(ctx, id, input ?? {});
  }

  @FieldResolver(() => [Notification])
  resends(@Root() root: Notification, @Ctx() ctx: Context) {
    return ctx.loaders.children(Notification, 'parentNotification', root.id);
  }

  @FieldResolver(() => Notification, { nullable: true })
  parentNotification(@Root() root: Notification, @Ctx() ctx: Context) {
    return root.parentNotification ? ctx.loaders.byId(Notification, root.parentNotification.id) : null;
  }

  @FieldResolver(() => NotificationProvider, { nullable: true })
  provider(@Root() root: Notification, @Ctx() ctx: Context) {
    return root.provider ? ctx.loaders.byId(NotificationProvider, root.provider.id) : null;
  }

  @FieldResolver(() => Customer, { nullable: true })
  customer(@Root() root: Notification, @Ctx() ctx: Context) {
    return root.customer ? ctx.loaders.byId(Customer, root.customer.id) : null;
  }
}
