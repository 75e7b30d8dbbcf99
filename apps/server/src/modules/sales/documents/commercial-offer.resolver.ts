import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { requireActor, type Context } from '../../../core/context';
import { PageArgs } from '../../../core/pagination';
import { User } from '../../auth/user.entity';
import { Counterparty } from '../../contacts/counterparty.entity';
import { ContactPerson } from '../../contacts/contact-person.entity';
import { AuditEntryConnection } from '../../audit/audit.types';
import { CrmObjectType } from '../../activities/activities.enums';
import { Organization } from '../catalog/organization.entity';
import { Product } from '../catalog/product.entity';
import { ClientInterest } from '../interests/client-interest.entity';
import { offerPdfPath } from '../print/print.routes';
import { CommercialOffer, CommercialOfferLine } from './commercial-offer.entity';
import { effectiveOfferState } from './commercial-offer.service';
import { todayFor } from './documents.common';
import { CommercialOfferState } from './documents.enums';
import { CommercialOfferFilter, CreateCommercialOfferInput, SendDocumentInput, UpdateCommercialOfferInput } from './documents.inputs';
import { CommercialOfferConnection, CommercialOfferViewerCan, DocumentChain, DocumentSendResult } from './documents.types';

@Resolver(() => CommercialOffer)
export class CommercialOfferResolver {
  @Query(() => CommercialOfferConnection, { description: 'Commercial offers in my scope, newest first.' })
  commercialOffers(@Args() page: PageArgs, @Arg('filter', () => CommercialOfferFilter, { nullable: true, description: 'Which offers to list.' }) filter: CommercialOfferFilter | null, @Ctx() ctx: Context) {
    return ctx.services.commercialOffers.list(requireActor(ctx), page.first, page.after, filter ?? {});
  }

  @Query(() => CommercialOffer, { description: 'One commercial offer; NOT_FOUND when missing or outside my scope.' })
  commercialOffer(@Arg('id', () => ID, { description: 'Id of the commercial offer.' }) id: string, @Ctx() ctx: Context) {
    return ctx.services.commercialOffers.get(requireActor(ctx), id);
  }

  @Mutation(() => CommercialOffer, { description: 'Creates a draft offer, based on a client interest (its client and lines are copied unless given) or for a counterparty.' })
  createCommercialOffer(@Arg('input', { description: 'What to create.' }) input: CreateCommercialOfferInput, @Ctx() ctx: Context) {
    return ctx.services.commercialOffers.create(requireActor(ctx), input);
  }

  @Mutation(() => CommercialOffer, { description: 'Changes a draft offer; CONFLICT (reason NOT_DRAFT) once sent, CONFLICT when `version` is stale.' })
  updateCommercialOffer(@Arg('id', () => ID, { description: 'Id of the commercial offer.' }) id: string, @Arg('input', { description: 'The changes, with the version you read.' }) input: UpdateCommercialOfferInput, @Ctx() ctx: Context) {
    return ctx.services.commercialOffers.update(requireActor(ctx), id, input);
  }

  @Mutation(() => CommercialOffer, { description: 'Marks a draft offer sent (without e-mailing it; see sendCommercialOffer).' })
  markCommercialOfferSent(@Arg('id', () => ID, { description: 'Id of the commercial offer.' }) id: string, @Ctx() ctx: Context) {
    return ctx.services.commercialOffers.markSent(requireActor(ctx), id);
  }

  @Mutation(() => CommercialOffer, { description: 'Records that the client accepted a sent offer.' })
  markCommercialOfferAccepted(@Arg('id', () => ID, { description: 'Id of the commercial offer.' }) id: string, @Ctx() ctx: Context) {
    return ctx.services.commercialOffers.markAccepted(requireActor(ctx), id);
  }

  @Mutation(() => CommercialOffer, { description: 'Records that the client rejected a sent offer.' })
  markCommercialOfferRejected(@Arg('id', () => ID, { description: 'Id of the commercial offer.' }) id: string, @Ctx() ctx: Context) {
    return ctx.services.commercialOffers.markRejected(requireActor(ctx), id);
  }

  @Mutation(() => DocumentSendResult, {
    description: 'Sends the offer: e-mails its PDF when SMTP is configured, records an outgoing letter based on it, and marks a draft sent.',
  })
  sendCommercialOffer(@Arg('id', () => ID, { description: 'Id of the commercial offer.' }) id: string, @Arg('input', () => SendDocumentInput, { nullable: true, description: 'The recipient and the text of the letter; both have defaults.' }) input: SendDocumentInput | null, @Ctx() ctx: Context) {
    return ctx.services.salesSend.sendCommercialOffer(requireActor(ctx), id, input ?? {});
  }

  @FieldResolver(() => CommercialOfferState, { description: 'The state as it stands today: EXPIRED for a sent, unanswered offer past its valid-until date.' })
  effectiveState(@Root() o: CommercialOffer, @Ctx() ctx: Context) {
    return effectiveOfferState(o, todayFor(requireActor(ctx)));
  }

  @FieldResolver(() => Counterparty, { nullable: true, description: 'The client (null when outside my scope).' })
  counterparty(@Root() o: CommercialOffer, @Ctx() ctx: Context) {
    return ctx.loaders.counterparty.load(o.counterpartyId);
  }

  @FieldResolver(() => ContactPerson, { nullable: true, description: 'The contact person.' })
  contactPerson(@Root() o: CommercialOffer, @Ctx() ctx: Context) {
    return o.contactPersonId ? ctx.loaders.contactPerson.load(o.contactPersonId) : null;
  }

  @FieldResolver(() => ClientInterest, { nullable: true, description: 'The client interest it is based on (null when none or outside my scope).' })
  interest(@Root() o: CommercialOffer, @Ctx() ctx: Context) {
    return o.interestId ? ctx.loaders.clientInterest.load(o.interestId) : null;
  }

  @FieldResolver(() => Organization, { nullable: true, description: 'Our organization making the offer.' })
  organization(@Root() o: CommercialOffer, @Ctx() ctx: Context) {
    return ctx.loaders.organization.load(o.organizationId);
  }

  @FieldResolver(() => User, { nullable: true, description: 'The responsible manager.' })
  responsible(@Root() o: CommercialOffer, @Ctx() ctx: Context) {
    return ctx.loaders.user.load(o.responsibleId);
  }

  @FieldResolver(() => [CommercialOfferLine], { description: 'Its lines, in order.' })
  lines(@Root() o: CommercialOffer, @Ctx() ctx: Context) {
    return ctx.loaders.linesOfOffer.load(o.id);
  }

  @FieldResolver(() => String, { description: 'Path of its PDF print form on this server (GET, with the session cookie or a bearer token).' })
  pdfUrl(@Root() o: CommercialOffer) {
    return offerPdfPath(o.id);
  }

  @FieldResolver(() => DocumentChain, { description: 'Its sale’s documents both ways: interest, offers, invoices, payments, shipments, events.' })
  chain(@Root() o: CommercialOffer, @Ctx() ctx: Context) {
    return ctx.loaders.documentChain.load(`${CrmObjectType.COMMERCIAL_OFFER}:${o.id}`);
  }

  @FieldResolver(() => CommercialOfferViewerCan, { description: 'What I may do with it.' })
  viewerCan(@Root() o: CommercialOffer, @Ctx() ctx: Context) {
    return ctx.services.commercialOffers.viewerCan(requireActor(ctx), o);
  }

  @FieldResolver(() => AuditEntryConnection, { description: 'Change history, newest first.' })
  history(@Root() o: CommercialOffer, @Args() page: PageArgs, @Ctx() ctx: Context) {
    return ctx.services.audit.historyPage('CommercialOffer', o.id, page.first, page.after);
  }
}

@Resolver(() => CommercialOfferLine)
export class CommercialOfferLineResolver {
  @FieldResolver(() => Product, { nullable: true, description: 'The catalog item.' })
  product(@Root() l: CommercialOfferLine, @Ctx() ctx: Context) {
    return ctx.loaders.product.load(l.productId);
  }
}
