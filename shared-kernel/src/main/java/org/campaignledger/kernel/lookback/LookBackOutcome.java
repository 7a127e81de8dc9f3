package org.campaignledger.kernel.lookback;

/**
 * A look-back's verdict (DOMAIN §4.14). Declared in severity order, so "lowering" an outcome (R-LBK-05) and
 * "at least RECTIFY_BY_DEADLINE" (R-LBK-03) compare declaration order.
 */
public enum LookBackOutcome {
    PASS, RECTIFY_BY_DEADLINE, EXTEND_AND_MAKE_UP, REDO;

    public boolean isLessSevereThan(LookBackOutcome other) {
        return ordinal() < other.ordinal();
    }
}
