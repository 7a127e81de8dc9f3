package org.campaignledger.command.evaluation.domain;

/**
 * R-EVL-07 in exact integer arithmetic: passed ⇔ denominator × satisfied ≥ numerator × validForms, so exactly the
 * threshold passes and only strictly below fails.
 */
record PassRule(long numerator, long denominator) {
    /** {@code satisfactionThreshold} of DOMAIN §2, the same in every profile. */
    static final PassRule TWO_THIRDS = new PassRule(2, 3);

    boolean passes(int satisfied, int validForms) {
        return denominator * satisfied >= numerator * validForms;
    }

    /** The fewest additional satisfied forms, among the same valid forms, that would have passed. */
    int shortfall(int satisfied, int validForms) {
        long missing = numerator * validForms - denominator * satisfied;
        return missing <= 0 ? 0 : (int) ((missing + denominator - 1) / denominator);
    }
}
