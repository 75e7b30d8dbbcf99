import { Field, ObjectType } from 'type-graphql';
import { User } from './user.entity';
import { ApiToken } from './api-token.entity';
import { Connection } from '../../core/pagination';

@ObjectType({ description: 'Result of signing in; the session itself travels in an httpOnly cookie.' })
export class LoginPayload {
  @Field(() => User, { description: 'The signed-in user.' })
  user: User;
}

@ObjectType({ description: 'A new API token. `token` is shown this once and cannot be read again.' })
export class CreateApiTokenPayload {
  @Field({ description: 'The secret token; send it as `Authorization: Bearer <token>`.' })
  token: string;

  @Field(() => ApiToken, { description: 'The stored token record.' })
  apiToken: ApiToken;
}

export const UserConnection = Connection(User, 'User', 'user');
