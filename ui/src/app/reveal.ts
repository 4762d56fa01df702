// Requests to bring something on screen (a finding's subject): whoever shows that kind of thing picks the request up,
// now or when its view mounts. Views register for the kinds they show; nothing here knows any view.
import type { EntityKind } from "../bindings";

export interface RevealRequest {
  kind: EntityKind;
  id: number;
  /** Distinguishes two requests for the same thing, so the second one moves the camera again. */
  nonce: number;
}

type Handler = (r: RevealRequest) => boolean;

/**
 * The last request waits until a handler for its kind takes it (answers true): a view that is not mounted yet takes
 * it when it mounts and subscribes.
 */
export class RevealBus {
  private pending: RevealRequest | null = null;
  private handlers = new Set<{ kinds: ReadonlySet<EntityKind>; f: Handler }>();
  private nonce = 0;

  request(kind: EntityKind, id: number): RevealRequest {
    const r = { kind, id, nonce: ++this.nonce };
    this.pending = r;
    this.offer();
    return r;
  }

  /** Listens for requests of `kinds`; a pending one is offered at once. Returns the unsubscribe function. */
  listen(kinds: readonly EntityKind[], f: Handler): () => void {
    const h = { kinds: new Set(kinds), f };
    this.handlers.add(h);
    this.offer();
    return () => this.handlers.delete(h);
  }

  /** A request nobody has taken yet (tests, and a view asking on mount). */
  peek(): RevealRequest | null {
    return this.pending;
  }

  private offer(): void {
    const r = this.pending;
    if (!r) return;
    for (const h of this.handlers) {
      if (h.kinds.has(r.kind) && h.f(r)) {
        if (this.pending === r) this.pending = null;
        return;
      }
    }
  }
}

export const revealBus = new RevealBus();
