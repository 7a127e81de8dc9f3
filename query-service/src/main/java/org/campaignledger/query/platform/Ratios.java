package org.campaignledger.query.platform;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Ratios are stored as numerator and denominator and, for display, as a decimal (DOMAIN §5 conventions). */
public final class Ratios {
    private Ratios() {
    }

    /** 4 decimals, half-up; null for an empty denominator. */
    public static Double decimal(int numerator, int denominator) {
        return denominator == 0 ? null : BigDecimal.valueOf(numerator)
                .divide(BigDecimal.valueOf(denominator), 4, RoundingMode.HALF_UP).doubleValue();
    }
}
