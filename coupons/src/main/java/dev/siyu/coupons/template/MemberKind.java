package dev.siyu.coupons.template;

/** Which members a coupon is for: anyone, only new members (no order yet), or only existing ones. */
public enum MemberKind {
    ANY,
    NEW,
    EXISTING
}
