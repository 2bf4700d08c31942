import { ArgsType, Field, InputType } from 'type-graphql';
import { ListArgs, PageOf } from './common';
import { Notification } from '../src/entities/notifications';

@InputType({ description: 'Each list matches any of its values (REST: comma-separated).' })
export class NotificationFilter {
  @Field(() => [String], { nullable: true }) eventName?: string[];
  @Field(() => [String], { nullable: true }) resourceType?: string[];
  @Field(() => [String], { nullable: true }) resourceId?: string[];
  @Field(() => [String], { nullable: true }) to?: string[];
  @Field({ nullable: true, description: 'Resends are left out unless true.' }) includeResends?: boolean;
}

@ArgsType()
export class NotificationListArgs extends ListArgs(50) {
  @Field(() => NotificationFilter, { nullable: true }) filter?: NotificationFilter;
}

export const NotificationList = PageOf(Notification);

@InputType()
export class ResendNotificationInput {
  @Field({ nullable: true, description: 'Another recipient; by default (or when empty) the original one.' }) to?: string;
}
