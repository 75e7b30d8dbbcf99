import { Arg, Args, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root, Subscription } from 'type-graphql';
import { Notification } from './notification.entity';
import { NotificationConnection } from './notifications.types';
import { NOTIFICATION_RECEIVED, notificationFromPayload, type NotificationPayload } from './notification.service';
import { ObjectRef } from '../activities/activities.types';
import { PageArgs } from '../../core/pagination';
import { createLoaders } from '../../core/loaders';
import { requireActor, type Context } from '../../core/context';

@Resolver(() => Notification)
export class NotificationResolver {
  @Query(() => NotificationConnection, { description: 'My notifications, newest first.' })
  notifications(
    @Args() page: PageArgs,
    @Arg('unreadOnly', () => Boolean, { defaultValue: false, description: 'True: only unread ones.' }) unreadOnly: boolean,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.notifications.list(requireActor(ctx), page.first, page.after, unreadOnly);
  }

  @Query(() => Int, { description: 'How many of my notifications are unread (the bell badge).' })
  unreadNotificationCount(@Ctx() ctx: Context) {
    return ctx.services.notifications.unreadCount(requireActor(ctx));
  }

  @Mutation(() => [Notification], { description: 'Marks some of my notifications read (NOT_FOUND, and nothing changed, when one is not mine); returns them.' })
  markNotificationsRead(@Arg('ids', () => [ID], { description: 'Ids of my notifications (at most 500).' }) ids: string[], @Ctx() ctx: Context) {
    return ctx.services.notifications.markRead(requireActor(ctx), ids);
  }

  @Mutation(() => Int, { description: 'Marks all my notifications read; returns how many were unread.' })
  markAllNotificationsRead(@Ctx() ctx: Context) {
    return ctx.services.notifications.markAllRead(requireActor(ctx));
  }

  @Subscription(() => Notification, {
    topics: NOTIFICATION_RECEIVED,
    topicId: ({ context }: { context: Context }) => context.actor?.id ?? 'anonymous',
    filter: ({ payload, context }: { payload: NotificationPayload; context: Context }) => !!context.actor && payload.userId === context.actor.id,
    description: 'A notification for me was created; pushed to every open tab of mine, and of no one else.',
  })
  notificationReceived(@Root() payload: NotificationPayload, @Ctx() ctx: Context) {
    // A socket's context lives as long as the subscription: its loaders would serve every push the objects of the first.
    ctx.loaders = createLoaders(ctx.services, ctx.actor);
    requireActor(ctx);
    return notificationFromPayload(payload);
  }

  @FieldResolver(() => Boolean, { description: 'True once I marked it read.' })
  read(@Root() n: Notification) {
    return n.readAt !== null;
  }

  @FieldResolver(() => ObjectRef, { nullable: true, description: 'The object it is about (open it from the notification).' })
  object(@Root() n: Notification) {
    return n.objectType && n.objectId ? { type: n.objectType, id: n.objectId } : null;
  }
}
