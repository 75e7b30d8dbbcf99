import { Arg, Args, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root, Subscription } from 'type-graphql';
import { Reminder } from './reminder.entity';
import { CreateReminderInput, ReminderFilter } from './activities.inputs';
import { ObjectRef, ReminderConnection } from './activities.types';
import { REMINDER_DUE, reminderFromPayload, type ReminderDuePayload } from './reminder.service';
import { PageArgs } from '../../core/pagination';
import { requireActor, type Context } from '../../core/context';
import { createLoaders } from '../../core/loaders';

@Resolver(() => Reminder)
export class ReminderResolver {
  @Query(() => ReminderConnection, { description: 'My reminders, by time.' })
  reminders(@Args() page: PageArgs, @Arg('filter', () => ReminderFilter, { nullable: true, description: 'Which reminders to list; all states by default.' }) filter: ReminderFilter | null, @Ctx() ctx: Context) {
    requireActor(ctx);
    return ctx.loaders.reminderPages.load({ first: page.first, after: page.after ?? null, filter: filter ?? {} });
  }

  @Mutation(() => Reminder, { description: 'Sets a reminder for myself, optionally about an object.' })
  createReminder(@Arg('input', { description: 'What to create.' }) input: CreateReminderInput, @Ctx() ctx: Context) {
    return ctx.services.reminders.create(requireActor(ctx), input);
  }

  @Mutation(() => Reminder, { description: 'Puts a reminder off by 5 minutes to 1 week.' })
  snoozeReminder(@Arg('id', () => ID, { description: 'Id of the reminder (one of mine).' }) id: string, @Arg('minutes', () => Int, { description: 'How long to put it off, in minutes: 5 to 10080 (1 week).' }) minutes: number, @Ctx() ctx: Context) {
    return ctx.services.reminders.snooze(requireActor(ctx), id, minutes);
  }

  @Mutation(() => Reminder, { description: 'Dismisses a reminder.' })
  dismissReminder(@Arg('id', () => ID, { description: 'Id of the reminder (one of mine).' }) id: string, @Ctx() ctx: Context) {
    return ctx.services.reminders.dismiss(requireActor(ctx), id);
  }

  @Subscription(() => Reminder, {
    topics: REMINDER_DUE,
    topicId: ({ context }: { context: Context }) => context.actor?.id ?? 'anonymous',
    filter: ({ payload, context }: { payload: ReminderDuePayload; context: Context }) => !!context.actor && payload.userId === context.actor.id,
    description: 'One of my reminders came due; pushed to every open tab of mine, and of no one else.',
  })
  reminderDue(@Root() payload: ReminderDuePayload, @Ctx() ctx: Context) {
    // A socket's context lives as long as the subscription: its loaders would serve every push the objects of the first.
    ctx.loaders = createLoaders(ctx.services, ctx.actor);
    requireActor(ctx);
    return reminderFromPayload(payload);
  }

  @FieldResolver(() => ObjectRef, { nullable: true, description: 'What it is about.' })
  subject(@Root() r: Reminder) {
    return r.subjectType && r.subjectId ? { type: r.subjectType, id: r.subjectId } : null;
  }
}
