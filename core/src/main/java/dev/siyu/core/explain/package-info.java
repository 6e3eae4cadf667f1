/** Explanations: the reason code and deciding values behind every decision Siyu makes. */
package dev.siyu.core.explain;
