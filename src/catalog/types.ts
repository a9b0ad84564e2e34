import type { EndpointFieldMap } from "./fields.generated.js";

/** An endpoint id that dfsq has a catalog entry for, e.g. `"backlinks/referring_domains"`. */
export type EndpointId = keyof EndpointFieldMap;

/** The filter parameters an endpoint takes. */
export type ParamOf<E extends EndpointId> = keyof EndpointFieldMap[E] & string;

type DefaultParam<E extends EndpointId> = "filters" extends ParamOf<E> ? "filters" : ParamOf<E>;

/**
 * The field paths an endpoint's filter parameter accepts, generated from the same catalogs the
 * checks use; placeholder segments are template literals:
 * `FieldOf<"backlinks/referring_domains">` includes `"rank"` and `` `referring_links_tld.${string}` ``.
 */
export type FieldOf<E extends EndpointId, P extends ParamOf<E> = DefaultParam<E>> = EndpointFieldMap[E][P];
