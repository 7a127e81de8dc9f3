package org.campaignledger.kernel.evaluation;

import org.campaignledger.kernel.command.InvalidCommandException;
import org.campaignledger.kernel.evaluation.EvaluationEnums.Rating;

/** Valid forms per rating option. */
public record RatingCounts(int satisfied, int basicallySatisfied, int dissatisfied) {
    public static final RatingCounts NONE = new RatingCounts(0, 0, 0);

    public RatingCounts {
        if (satisfied < 0 || basicallySatisfied < 0 || dissatisfied < 0) {
            throw new InvalidCommandException("counts", "must not be negative");
        }
    }

    public static RatingCounts one(Rating rating) {
        return switch (rating) {
            case SATISFIED -> new RatingCounts(1, 0, 0);
            case BASICALLY_SATISFIED -> new RatingCounts(0, 1, 0);
            case DISSATISFIED -> new RatingCounts(0, 0, 1);
        };
    }

    public RatingCounts plus(RatingCounts other) {
        return new RatingCounts(satisfied + other.satisfied, basicallySatisfied + other.basicallySatisfied,
                dissatisfied + other.dissatisfied);
    }

    public int valid() {
        return satisfied + basicallySatisfied + dissatisfied;
    }
}
