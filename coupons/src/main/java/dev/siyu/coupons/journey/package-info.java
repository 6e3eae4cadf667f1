/** Coupon journeys: issue on join or first add, expiry reminders, reissues. Entry point: {@link dev.siyu.coupons.journey.Journeys}. */
package dev.siyu.coupons.journey;
