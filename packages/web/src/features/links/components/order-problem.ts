/**
 * The one rule of the chain model that an order of links can break: a norm is measured from an
 * earlier link (the named one, or the link just before it). Checking it here lets the editor
 * explain in the user's language why a move or a delete cannot be done, before asking the server.
 */
import type { Link } from '@ketenregie/core';

/** Why an order of links is refused. */
export type OrderProblem =
  | { readonly kind: 'firstHasNorm'; readonly link: Link }
  | { readonly kind: 'normFromLater'; readonly link: Link; readonly from: Link };

/** The first norm that the given order would break, or null when the order is sound. */
export function findOrderProblem(ordered: readonly Link[]): OrderProblem | null {
  const index = new Map(ordered.map((link, i) => [link.id, i]));
  for (const [i, link] of ordered.entries()) {
    if (!link.norm) continue;
    const { fromLinkId } = link.norm;
    if (fromLinkId === null) {
      if (i === 0) return { kind: 'firstHasNorm', link };
      continue;
    }
    const fromIndex = index.get(fromLinkId);
    const from = ordered.find((candidate) => candidate.id === fromLinkId);
    if (fromIndex === undefined || fromIndex >= i || !from) {
      return from ? { kind: 'normFromLater', link, from } : { kind: 'firstHasNorm', link };
    }
  }
  return null;
}
