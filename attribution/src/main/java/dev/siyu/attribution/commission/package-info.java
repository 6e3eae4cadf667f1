/**
 * Commission: plans (builder and JSON), per-order commission records kept by the host, and the
 * per-guide ledger with freeze until the return window closes, monthly settlement, clawback of
 * refunds (after payout as a negative entry carried to the next period) and self-explaining
 * statements.
 */
package dev.siyu.attribution.commission;
