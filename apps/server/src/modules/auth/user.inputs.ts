import { Field, ID, InputType, Int } from 'type-graphql';
import { IsEmail, IsOptional, IsUUID, Length, MaxLength, Min } from 'class-validator';
import { Locale, Role } from './user.entity';

@InputType({ description: 'Sign-in credentials.' })
export class LoginInput {
  @Field({ description: 'E-mail the user signs in with.' })
  @MaxLength(254)
  email: string;

  @Field({ description: 'Password.' })
  @MaxLength(200)
  password: string;
}

@InputType({ description: 'A new user.' })
export class CreateUserInput {
  @Field({ description: 'Sign-in e-mail; must be unique.' })
  @IsEmail({}, { message: 'Enter a valid e-mail address' })
  @MaxLength(254)
  email: string;

  @Field({ description: 'Initial password, at least 10 characters.' })
  @Length(10, 200, { message: 'The password must have 10 to 200 characters' })
  password: string;

  @Field({ description: 'Name shown to colleagues.' })
  @Length(1, 150, { message: 'Enter a name of 1 to 150 characters' })
  fullName: string;

  @Field(() => Role, { description: 'Role.' })
  role: Role;

  @Field(() => ID, { nullable: true, description: 'Supervisor (for team scope).' })
  @IsOptional()
  @IsUUID('all', { message: 'Not a valid user id' })
  supervisorId?: string | null;

  @Field(() => Locale, { nullable: true, description: 'Interface language; Russian by default.' })
  @IsOptional()
  locale?: Locale;
}

@InputType({ description: 'Changes to a user; omitted fields stay as they are.' })
export class UpdateUserInput {
  @Field(() => Int, { description: 'The version you read; a stale version is refused with CONFLICT.' })
  @Min(1)
  version: number;

  @Field({ nullable: true, description: 'Sign-in e-mail.' })
  @IsOptional()
  @IsEmail({}, { message: 'Enter a valid e-mail address' })
  email?: string;

  @Field({ nullable: true, description: 'Name shown to colleagues.' })
  @IsOptional()
  @Length(1, 150, { message: 'Enter a name of 1 to 150 characters' })
  fullName?: string;

  @Field(() => Role, { nullable: true, description: 'Role.' })
  @IsOptional()
  role?: Role;

  @Field(() => ID, { nullable: true, description: 'Supervisor; null removes it.' })
  @IsOptional()
  @IsUUID('all', { message: 'Not a valid user id' })
  supervisorId?: string | null;

  @Field({ nullable: true, description: 'False deactivates the user and ends their sessions.' })
  @IsOptional()
  active?: boolean;

  @Field(() => Locale, { nullable: true, description: 'Interface language.' })
  @IsOptional()
  locale?: Locale;
}

@InputType({ description: 'Change of one\'s own password.' })
export class ChangePasswordInput {
  @Field({ description: 'The current password.' })
  @MaxLength(200)
  currentPassword: string;

  @Field({ description: 'The new password, at least 10 characters.' })
  @MaxLength(200)
  newPassword: string;
}

@InputType({ description: 'A new personal API token.' })
export class CreateApiTokenInput {
  @Field({ description: 'What the token is for.' })
  @MaxLength(100)
  name: string;
}

@InputType({ description: 'Filter for the user list.' })
export class UserFilter {
  @Field({ nullable: true, description: 'Fragment of the name or e-mail.' })
  @IsOptional()
  @MaxLength(200)
  search?: string;

  @Field(() => Role, { nullable: true, description: 'Only this role.' })
  @IsOptional()
  role?: Role;

  @Field({ nullable: true, description: 'Include deactivated users (default false).' })
  @IsOptional()
  includeInactive?: boolean;
}
