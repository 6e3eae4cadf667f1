/** Transfers of a departing guide's customers (离职继承) by rule: same counter, least loaded, round robin. */
package dev.siyu.attribution.transfer;
