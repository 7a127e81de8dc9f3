package org.campaignledger.kernel.evaluation;

import java.util.EnumSet;
import java.util.Set;
import org.campaignledger.kernel.command.InvalidCommandException;
import org.campaignledger.kernel.evaluation.EvaluationEnums.Rating;

/**
 * R-EVL-07 under the policy it was decided by: the options that count as satisfied ({@code satisfiedOptions}) and
 * the threshold {@code numerator/denominator} ({@code satisfactionThreshold}, DOMAIN §2). Exact integer
 * arithmetic: passed ⇔ denominator × satisfied ≥ numerator × validForms, so exactly the threshold passes and only
 * strictly below fails. Carried by EvaluationTallied, so the projection and later corrections read the same rule.
 */
public record SatisfactionRule(Set<Rating> satisfiedOptions, int numerator, int denominator) {
    /** The §2 values of every profile: {SATISFIED, BASICALLY_SATISFIED} and 2/3. */
    public static final SatisfactionRule TWO_THIRDS =
            new SatisfactionRule(EnumSet.of(Rating.SATISFIED, Rating.BASICALLY_SATISFIED), 2, 3);

    public SatisfactionRule {
        if (satisfiedOptions == null || satisfiedOptions.isEmpty()) {
            throw new InvalidCommandException("satisfiedOptions", "must name at least one rating option");
        }
        satisfiedOptions = Set.copyOf(satisfiedOptions);
        if (numerator < 0 || denominator < 1 || numerator > denominator) {
            throw new InvalidCommandException("satisfactionThreshold", "must be a fraction between 0/1 and 1/1");
        }
    }

    /** The valid forms whose option is one of {@code satisfiedOptions}. */
    public int satisfied(RatingCounts counts) {
        return (satisfiedOptions.contains(Rating.SATISFIED) ? counts.satisfied() : 0)
                + (satisfiedOptions.contains(Rating.BASICALLY_SATISFIED) ? counts.basicallySatisfied() : 0)
                + (satisfiedOptions.contains(Rating.DISSATISFIED) ? counts.dissatisfied() : 0);
    }

    public boolean passes(int satisfied, int validForms) {
        return (long) denominator * satisfied >= (long) numerator * validForms;
    }

    /** The fewest additional satisfied forms, among the same valid forms, that would have passed. */
    public int shortfall(int satisfied, int validForms) {
        long missing = (long) numerator * validForms - (long) denominator * satisfied;
        return missing <= 0 ? 0 : (int) ((missing + denominator - 1) / denominator);
    }
}
