/** Generators of orders and refund sequences. */
package dev.siyu.testkit.order;
