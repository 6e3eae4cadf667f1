package dev.siyu.attribution.binding;

/** Which touches bind a customer to a guide. */
public enum BindingMode {
    /** 首次绑定: the first guide the customer added keeps them until the binding lapses. Only {@link TouchKind#ADD} binds. */
    FIRST_ADD,
    /** 覆盖绑定: every touch (add, interaction, order) rebinds, unless another guide is protected. */
    LAST_TOUCH,
    /** Only a guide who served an order ({@link TouchKind#ORDER}) binds or rebinds, unless another guide is protected. */
    ORDER_BASED
}
