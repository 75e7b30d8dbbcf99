import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ArrayMaxSize, ArrayMinSize, IsOptional, Length, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { Connection } from '../../core/pagination';
import { LocalDateScalar } from '../../core/decimal';

export enum WorkCalendarExceptionKind {
  HOLIDAY = 'HOLIDAY',
  SHORTENED = 'SHORTENED',
  WORKING = 'WORKING',
}
registerEnumType(WorkCalendarExceptionKind, {
  name: 'WorkCalendarExceptionKind',
  description: 'How a date differs from its weekday in the work calendar.',
  valuesConfig: {
    HOLIDAY: { description: 'A non-working day (public holiday, a working day moved to a weekend).' },
    SHORTENED: { description: 'A working day with shorter hours (a pre-holiday day: one hour shorter by default).' },
    WORKING: { description: 'A weekend day made working (hours of a standard working day by default).' },
  },
});

@ObjectType({ description: 'Working hours of one weekday.' })
export class WorkingHours {
  @Field(() => Int, { description: 'ISO weekday: 1 Monday … 7 Sunday.' }) weekday: number;
  @Field({ description: 'False for a day off.' }) working: boolean;
  @Field(() => String, { nullable: true, description: 'Opening time HH:MM (local to the calendar\'s zone); null on a day off.' }) start: string | null;
  @Field(() => String, { nullable: true, description: 'Closing time HH:MM (24:00 for midnight); null on a day off.' }) end: string | null;
}

@ObjectType({ description: 'The production calendar («Производственный календарь»): working hours per weekday and the zone they are in. Deadlines in working time (SLA of client requests, task deadlines) are counted in it.' })
export class WorkCalendarSettings {
  @Field(() => ID, { description: 'Stable identifier.' }) id: string;
  @Field({ description: 'IANA time zone of the working hours, e.g. Europe/Moscow.' }) timeZone: string;
  @Field(() => [WorkingHours], { description: 'Hours of Monday … Sunday, in that order.' }) week: WorkingHours[];
  @Field(() => Int, { description: 'Optimistic-locking version; pass it back when changing the calendar.' }) version: number;
  @Field({ description: 'When it was last changed.' }) updatedAt: Date;
}

@ObjectType({ description: 'A date whose working hours differ from its weekday: a holiday, a shortened day, a working weekend day.' })
export class WorkCalendarException {
  @Field(() => ID, { description: 'Stable identifier.' }) id: string;
  @Field(() => LocalDateScalar, { description: 'The date (local to the calendar).' }) date: string;
  @Field(() => WorkCalendarExceptionKind, { description: 'How the date differs.' }) kind: WorkCalendarExceptionKind;
  @Field(() => String, { nullable: true, description: 'Opening time HH:MM; null for a holiday.' }) start: string | null;
  @Field(() => String, { nullable: true, description: 'Closing time HH:MM; null for a holiday.' }) end: string | null;
  @Field(() => String, { nullable: true, description: 'What it is, e.g. «День Победы».' }) name: string | null;
}

export const WorkCalendarExceptionConnection = Connection(WorkCalendarException, 'WorkCalendarException', 'work calendar exception');

@InputType({ description: 'Working hours of one weekday; omit both times for a day off.' })
export class WorkingHoursInput {
  @Field(() => Int, { description: 'ISO weekday: 1 Monday … 7 Sunday.' }) @Min(1) @Max(7) weekday: number;
  @Field(() => String, { nullable: true, description: 'Opening time HH:MM; null for a day off.' }) @IsOptional() start?: string | null;
  @Field(() => String, { nullable: true, description: 'Closing time HH:MM (24:00 allowed); null for a day off.' }) @IsOptional() end?: string | null;
}

@InputType({ description: 'The whole calendar setting: zone and the hours of all seven weekdays.' })
export class SetWorkCalendarInput {
  @Field(() => Int, { description: 'The version you read; a stale version is refused with CONFLICT.' }) @Min(1) version: number;
  @Field({ description: 'IANA time zone, e.g. Europe/Moscow.' }) @Length(1, 64) timeZone: string;
  @Field(() => [WorkingHoursInput], { description: 'Exactly seven entries, one per weekday.' })
  @ArrayMinSize(7, { message: 'Give the hours of all seven weekdays' })
  @ArrayMaxSize(7, { message: 'Give the hours of all seven weekdays' })
  @ValidateNested({ each: true })
  week: WorkingHoursInput[];
}

@InputType({ description: 'A holiday, shortened or working day; replaces what the date had.' })
export class SetWorkCalendarExceptionInput {
  @Field(() => LocalDateScalar, { description: 'The date.' }) date: string;
  @Field(() => WorkCalendarExceptionKind, { description: 'How the date differs.' }) kind: WorkCalendarExceptionKind;
  @Field(() => String, { nullable: true, description: 'Opening time HH:MM for SHORTENED/WORKING; by default the usual opening.' }) @IsOptional() start?: string | null;
  @Field(() => String, { nullable: true, description: 'Closing time HH:MM for SHORTENED/WORKING; by default the usual closing (an hour earlier for SHORTENED).' })
  @IsOptional()
  end?: string | null;
  @Field(() => String, { nullable: true, description: 'What it is, e.g. «Новый год».' }) @IsOptional() @MaxLength(200) name?: string | null;
}
