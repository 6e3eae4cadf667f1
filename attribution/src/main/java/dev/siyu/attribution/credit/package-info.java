/** Crediting an order's lines to guides by role (service, sale, sharer, card opening) with configurable precedence. */
package dev.siyu.attribution.credit;
