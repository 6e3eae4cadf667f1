/** Binding customers to guides: modes, protection, validity, exclusivity per store or brand, history, on-duty transfers. */
package dev.siyu.attribution.binding;
