/** Time as an input: an injected clock and the business zone in which dates are read. */
package dev.siyu.core.time;
