import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { createHash, randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { Webhook as StandardWebhook } from 'standardwebhooks';
import { APP_CONFIG, AppConfig } from '../config/config';
import { initiativeDetailsProjection } from '../initiatives/initiative-details/initiative-details.projection';
import { CHECKPOINT_STORE, CheckpointStore } from '../shared/checkpoints/checkpoint-store';
import { CLOCK, Clock, systemClock } from '../shared/clock';
import { CommandHandling } from '../shared/command-handling/command-handling';
import { RuleBroken } from '../shared/domain/rule-broken';
import { EVENT_STORE, EventStore, Position, RecordedEvent, Subscription } from '../shared/event-store/event-store.port';
import { decideLease, leaseDecider } from '../shared/leases/lease.decide';
import { ReadModels } from '../shared/projections/read-models';
import { SERVICE_SENDER, AlertReview } from './alert-review';
import { decideDeliveryAttempt, deliveryLogDecider } from './domain/delivery.decide';
import { DeliveryEvent, DeliveryOf } from './domain/delivery.events';
import { webhookDecider } from './domain/webhook.decide';
import { WebhookDeleted } from './domain/webhook.events';
import { NotifiableEvent, toSlackMessage, toWebhookMessage, webhookEventOf } from './domain/webhook-message';
import { OutboundPost, postWebhook } from './outbound-http';
import { DeliveryView, webhookDeliveriesProjection } from './webhook-deliveries/webhook-deliveries.projection';
import { WebhookView, webhookListProjection } from './webhook-list/webhook-list.projection';

const CHECKPOINT = 'webhook-dispatcher';
const LEASE = 'webhook-delivery';

/** One event waiting to be delivered to one webhook. */
interface Pending {
  delivery: DeliveryOf;
  event: RecordedEvent;
  teamId: string;
  /** Where the log must be read again from to find this delivery. */
  before: Position | undefined;
  attempts: number;
  nextAttemptAt: string | null;
  /** An attempt is under way, or its outcome is not yet read back from the log. */
  sending: boolean;
}

/** The webhook-id of an event sent to a webhook: the same on every attempt and every replica. */
export function deliveryIdOf(webhookId: string, eventId: string): string {
  return `msg_${createHash('sha256').update(`${webhookId}|${eventId}`).digest('base64url').slice(0, 27)}`;
}

const DELIVERY_OUTCOMES = new Set<DeliveryEvent['type']>([
  'DeliverySucceeded',
  'DeliveryAttemptFailed',
  'DeliveryFailed',
]);

/**
 * Sends webhooks from the global log. Every replica folds the same queues from the log (which
 * events each webhook is owed, and how its deliveries went, since every attempt is an event), so
 * whichever replica sends, it starts from what was recorded; only the holder of a lease in the
 * event store sends. Deliveries to one webhook go one at a time in the order of the log, each
 * webhook on its own, so a slow receiver holds up only itself. A checkpoint saves reading the
 * log from the start: it never passes a delivery not yet finished.
 */
@Injectable()
export class WebhookDispatcher implements OnApplicationShutdown {
  private readonly logger = new Logger('Webhooks');
  private readonly queues = new Map<string, Pending[]>();
  private readonly holder = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  private subscription: Subscription | null = null;
  private following: Promise<void> | null = null;
  private timer: NodeJS.Timeout | null = null;
  private ticking: Promise<void> | null = null;
  private readonly sends = new Set<Promise<void>>();
  private lastRead: Position | undefined;
  private savedCheckpoint: Position | undefined;
  private caughtUp = false;
  private stopping = false;
  /** Sending waits until the log is read up to here: where this replica last took the lease. */
  private leaseTakenAt: Position | null = null;
  private holdsLease = false;
  private readonly readers: Array<{ position: Position; resolve: () => void }> = [];
  private stop: () => void = () => undefined;
  private readonly stopped = new Promise<void>((resolve) => (this.stop = resolve));

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly commands: CommandHandling,
    private readonly readModels: ReadModels,
    private readonly alerts: AlertReview,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CHECKPOINT_STORE) private readonly checkpoints: CheckpointStore,
  ) {
    readModels.register(webhookListProjection, webhookDeliveriesProjection, initiativeDetailsProjection);
  }

  start(): void {
    if (this.following) return;
    this.following = this.follow();
    this.timer = setInterval(() => {
      this.ticking ??= this.tick().finally(() => (this.ticking = null));
    }, this.config.webhooks.tickMs);
    this.timer.unref();
  }

  /** The deliveries of a webhook not attempted yet, in the order they will be made. */
  waiting(webhookId: string): DeliveryView[] {
    return (this.queues.get(webhookId) ?? [])
      .filter((pending) => pending.attempts === 0)
      .map((pending) => ({
        id: pending.delivery.deliveryId,
        webhookId,
        eventId: pending.delivery.eventId,
        event: pending.delivery.event,
        status: 'PENDING',
        attempts: 0,
        lastResponseCode: null,
        lastResponseExcerpt: null,
        lastError: null,
        lastAttemptAt: null,
        nextAttemptAt: pending.nextAttemptAt,
      }));
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.stopping) return;
    this.stopping = true;
    this.stop();
    if (this.timer) clearInterval(this.timer);
    await this.ticking;
    await Promise.allSettled([...this.sends]);
    if (this.holdsLease) await this.releaseLease();
    await this.subscription?.close();
    await this.following;
    await this.saveCheckpoint().catch(() => undefined);
    await this.checkpoints.close();
  }

  private async follow(): Promise<void> {
    try {
      const checkpoint = await this.checkpoints.load(CHECKPOINT);
      this.savedCheckpoint = checkpoint;
      // The webhooks the log names are known once the read models have caught up; nothing before
      // the first of them can be owed to anyone, so a log without webhooks is not read at all.
      await Promise.race([this.readModels.runner.caughtUp(), this.stopped]);
      if (this.stopping) return;
      this.lastRead = this.laterOf(checkpoint, this.firstPositionOwed());
      this.subscription = this.store.subscribeToAll({ after: this.lastRead });
      for await (const message of this.subscription) {
        if (message.kind === 'caught-up') {
          this.caughtUp = true;
          continue;
        }
        await this.apply(message.event);
        this.lastRead = message.event.position;
        this.releaseReaders();
      }
    } catch (error) {
      if (!this.stopping) this.logger.error(`Webhooks stopped following the log: ${(error as Error).message}`);
    } finally {
      for (const reader of this.readers.splice(0)) reader.resolve();
    }
  }

  /**
   * Where reading the log can start: just after the creation of the oldest webhook not deleted
   * (no event before it is owed to a webhook), or where the read models are when there is none.
   */
  private firstPositionOwed(): Position | undefined {
    let first: Position | undefined = this.readModels.runner.position;
    for (const webhook of this.readModels.views(webhookListProjection).values()) {
      if (webhook.deletedPosition !== null) continue;
      if (first === undefined || this.store.comparePositions(webhook.createdPosition, first) < 0)
        first = webhook.createdPosition;
    }
    return first;
  }

  private laterOf(a: Position | undefined, b: Position | undefined): Position | undefined {
    if (a === undefined) return b;
    if (b === undefined) return a;
    return this.store.comparePositions(a, b) >= 0 ? a : b;
  }

  private async apply(event: RecordedEvent): Promise<void> {
    if (DELIVERY_OUTCOMES.has(event.type as DeliveryEvent['type']))
      return this.applyOutcome(event as unknown as DeliveryEvent);
    if (event.type === 'WebhookDeleted') {
      this.queues.delete((event as unknown as WebhookDeleted).data.webhookId);
      return;
    }
    const kind = webhookEventOf(event);
    if (!kind) return;
    // Which webhooks listen, and the initiative's team, come from the read models: wait for them to reach this event.
    if (!(await this.readModelsReach(event.position))) return;
    const teamId = this.teamOf(event as unknown as NotifiableEvent);
    if (!teamId) return;
    for (const webhook of this.readModels.views(webhookListProjection).values()) {
      if (!this.listens(webhook, kind, teamId, event.position)) continue;
      const queue = this.queues.get(webhook.id) ?? [];
      queue.push({
        delivery: {
          webhookId: webhook.id,
          deliveryId: deliveryIdOf(webhook.id, event.id),
          eventId: event.id,
          event: kind,
        },
        event,
        teamId,
        before: this.lastRead,
        attempts: 0,
        nextAttemptAt: null,
        sending: false,
      });
      this.queues.set(webhook.id, queue);
    }
  }

  private applyOutcome(event: DeliveryEvent): void {
    const queue = this.queues.get(event.data.webhookId);
    const index = queue?.findIndex((pending) => pending.delivery.deliveryId === event.data.deliveryId) ?? -1;
    if (!queue || index < 0) return;
    if (event.type === 'DeliveryAttemptFailed') {
      Object.assign(queue[index], {
        attempts: event.data.attempt,
        nextAttemptAt: event.data.nextAttemptAt,
        sending: false,
      });
    } else {
      queue.splice(index, 1);
      if (queue.length === 0) this.queues.delete(event.data.webhookId);
    }
  }

  private listens(webhook: WebhookView, kind: string, teamId: string, position: Position): boolean {
    return (
      webhook.events.includes(kind as never) &&
      webhook.teamIds.includes(teamId) &&
      this.store.comparePositions(webhook.createdPosition, position) < 0 &&
      (webhook.deletedPosition === null || this.store.comparePositions(webhook.deletedPosition, position) > 0)
    );
  }

  private teamOf(event: NotifiableEvent): string | null {
    if (event.type === 'AlertRaised') return event.data.teamId;
    return this.readModels.views(initiativeDetailsProjection).get(event.data.initiativeId)?.teamId ?? null;
  }

  private async readModelsReach(position: Position): Promise<boolean> {
    while (!this.stopping) {
      try {
        await this.readModels.runner.waitFor(position, 1000);
        return true;
      } catch {
        if (this.readModels.runner.error) return false;
      }
    }
    return false;
  }

  private async tick(): Promise<void> {
    if (this.stopping) return;
    try {
      const now = this.clock.now();
      await this.alerts.review(now);
      if (this.caughtUp) await this.sendDue(now);
      await this.saveCheckpoint();
    } catch (error) {
      this.logger.warn(`Webhook round failed, tried again next round: ${(error as Error).message}`);
    }
  }

  private async sendDue(now: string): Promise<void> {
    const due = [...this.queues.values()]
      .map((queue) => queue[0])
      .filter((head) => head && !head.sending && (head.nextAttemptAt === null || head.nextAttemptAt <= now));
    if (due.length === 0 || !(await this.takeLease())) return;
    // Outcomes another replica recorded while it held the lease are read before anything is sent again.
    if (this.leaseTakenAt !== null && !this.hasRead(this.leaseTakenAt)) return;
    for (const head of due) {
      head.sending = true;
      const send = this.deliver(head).finally(() => this.sends.delete(send));
      this.sends.add(send);
    }
  }

  private async deliver(pending: Pending): Promise<void> {
    const { delivery } = pending;
    try {
      const webhook = await this.commands.load(webhookDecider, delivery.webhookId);
      if (webhook.status !== 'ACTIVE') {
        this.queues.delete(delivery.webhookId);
        return;
      }
      const message = toWebhookMessage(pending.event as unknown as NotifiableEvent, {
        teamId: pending.teamId,
        initiativeTitle:
          this.readModels
            .views(initiativeDetailsProjection)
            .get((pending.event.data as { initiativeId: string }).initiativeId)?.title ?? null,
        dashboardUrl: this.config.publicUrl ?? `http://localhost:${this.config.port}`,
        occurredAt: pending.event.metadata.occurredAt,
      });
      const post: OutboundPost =
        webhook.format === 'SLACK'
          ? { url: webhook.url, headers: {}, body: JSON.stringify(toSlackMessage(message)) }
          : signed(webhook.url, webhook.secret!, delivery.deliveryId, JSON.stringify(message));
      const result = await postWebhook(post, this.config.webhooks);
      const outcome = await this.commands.handle(
        deliveryLogDecider,
        delivery.webhookId,
        { ...SERVICE_SENDER, commandId: `${delivery.deliveryId}#${pending.attempts + 1}` },
        {
          creates: true,
          authorize: () => undefined,
          decide: (state, now) =>
            decideDeliveryAttempt(
              {
                type: 'RecordDeliveryAttempt',
                delivery,
                delivered: result.delivered,
                responseStatus: result.status,
                responseExcerpt: result.excerpt,
                error: result.error,
                jitter: Math.random(),
                now,
              },
              state,
            ),
        },
      );
      // The queue learns the outcome from the log, like every other replica's would.
      if (outcome.position !== null) await this.read(outcome.position);
    } catch (error) {
      this.logger.warn(
        `Delivery ${delivery.deliveryId} to webhook ${delivery.webhookId} not recorded: ${(error as Error).message}`,
      );
    } finally {
      pending.sending = false;
    }
  }

  /**
   * Takes or renews the lease that makes this replica the one that sends. It is taken only when
   * there is something to send, so an idle service writes nothing; it runs on the wall clock,
   * not the service clock, since it is about which process is alive now.
   */
  private async takeLease(): Promise<boolean> {
    try {
      const outcome = await this.commands.handle(leaseDecider, LEASE, SERVICE_SENDER, {
        creates: true,
        authorize: () => undefined,
        decide: (state) =>
          decideLease(
            {
              type: 'TakeLease',
              lease: LEASE,
              holder: this.holder,
              ttlMs: this.config.webhooks.leaseSeconds * 1000,
              now: systemClock.now(),
            },
            state,
          ),
      });
      this.leaseTakenAt = outcome.position;
      this.holdsLease = true;
      return true;
    } catch (error) {
      this.holdsLease = false;
      if (!(error instanceof RuleBroken)) this.logger.warn(`Webhook lease not taken: ${(error as Error).message}`);
      return false;
    }
  }

  private async releaseLease(): Promise<void> {
    try {
      await this.commands.handle(leaseDecider, LEASE, SERVICE_SENDER, {
        creates: true,
        authorize: () => undefined,
        decide: (state) =>
          decideLease({ type: 'ReleaseLease', lease: LEASE, holder: this.holder, now: systemClock.now() }, state),
      });
    } catch (error) {
      this.logger.warn(`Webhook lease not released, it expires by itself: ${(error as Error).message}`);
    }
    this.holdsLease = false;
  }

  /** The checkpoint: just before the earliest delivery not finished, or the last event read when none is waiting. */
  private async saveCheckpoint(): Promise<void> {
    // With no webhook there is nothing to resume: a service that never had one writes no checkpoint.
    if (this.readModels.views(webhookListProjection).size === 0) return;
    let checkpoint = this.lastRead;
    let earliest: Pending | null = null;
    for (const queue of this.queues.values()) {
      const head = queue[0];
      if (
        head &&
        (earliest === null || this.store.comparePositions(head.event.position, earliest.event.position) < 0)
      ) {
        earliest = head;
      }
    }
    if (earliest) checkpoint = earliest.before;
    if (checkpoint === undefined || checkpoint === this.savedCheckpoint) return;
    await this.checkpoints.save(CHECKPOINT, checkpoint);
    this.savedCheckpoint = checkpoint;
  }

  private hasRead(position: Position): boolean {
    return this.lastRead !== undefined && this.store.comparePositions(this.lastRead, position) >= 0;
  }

  /** Resolves once the log is read up to `position`, or the dispatcher stops. */
  private read(position: Position): Promise<void> {
    if (this.hasRead(position) || this.stopping) return Promise.resolve();
    return new Promise((resolve) => this.readers.push({ position, resolve }));
  }

  private releaseReaders(): void {
    for (let i = this.readers.length - 1; i >= 0; i--) {
      if (this.hasRead(this.readers[i].position)) this.readers.splice(i, 1)[0].resolve();
    }
  }
}

/** A STANDARD message: signed with the webhook's secret at the moment it is sent, as receivers check it against their own clock. */
function signed(url: string, secret: string, deliveryId: string, body: string): OutboundPost {
  const sentAt = new Date(systemClock.now());
  return {
    url,
    body,
    headers: {
      'webhook-id': deliveryId,
      'webhook-timestamp': String(Math.floor(sentAt.getTime() / 1000)),
      'webhook-signature': new StandardWebhook(secret).sign(deliveryId, sentAt, body),
    },
  };
}
