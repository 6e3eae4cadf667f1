/** Guide KPIs (customers added, active, conversion, GMV, 人效, repurchase, deletions, coupon redemption) and leaderboards. */
package dev.siyu.attribution.kpi;
